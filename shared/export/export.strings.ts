/**
 * The words of every export (run-sheets as PDF, CSV and HTML; post-show reports as PDF and CSV), one table per
 * language, and the formatting that follows the export language (dates, lengths, counts, money, discounts).
 *
 * Invariants:
 * - `en` and `zh-CN` have exactly the same keys (the compiler checks `zhCN` against `en`; export.strings.test.ts
 *   checks it at run time too) and the same `{{placeholders}}` per key;
 * - writers take every word they print from here (via `exportText`), never from renderer/ (services must not
 *   import the renderer) — the renderer's i18next namespaces are for the UI only;
 * - money is formatted with Intl in the export language's locale (en-US or zh-CN); discounts read the way a
 *   shopper of that language reads them: "15% off" in English, "8.5折" in Chinese.
 * Pure TypeScript: no DOM, no Node.
 */
import type { GiveawayEntryRule, Money, SalesTargets, SegmentKind, SegmentOverlays } from '../domain/entities';
import { formatMoney } from '../domain/money';

export const exportLanguages = ['en', 'zh-CN'] as const;
export type ExportLanguage = (typeof exportLanguages)[number];

export function isExportLanguage(value: unknown): value is ExportLanguage {
  return typeof value === 'string' && (exportLanguages as readonly string[]).includes(value);
}

const en = {
  // Run-sheet: titles and header
  'sheet.brand': 'Live script · brand approval',
  'sheet.crew': 'Crew run-sheet',
  'sheet.table': 'Run-sheet',
  'sheet.segments_one': '{{count}} segment',
  'sheet.segments_other': '{{count}} segments',
  'sheet.generated': 'generated {{at}} UTC',
  'sheet.generatedBy': 'Generated {{at}} UTC by KOL Studio',
  'sheet.version': 'Version {{version}}',
  'sheet.draft': 'Draft',
  'sheet.approved': 'Approved',
  'sheet.forBrand': 'for {{brand}}',
  'sheet.empty': 'No segments planned yet.',
  'fact.date': 'Date',
  'fact.showTime': 'Show time',
  'fact.zoneTime': '{{city}} time',
  'fact.zoneDetail': '{{city}} time ({{zone}})',
  'fact.platforms': 'Platforms',
  'fact.orientation': 'Picture',
  'orientation.vertical': 'Vertical 9:16',
  'orientation.landscape': 'Landscape 16:9',
  'fact.host': 'Host',
  'fact.hosts': 'Hosts',
  'fact.campaign': 'Campaign',
  'fact.length': 'Planned length',
  'fact.status': 'Script status',
  'time.nextDay': ' (+1 day)',
  // Lengths
  'length.ofTarget': '{{total}} of {{target}} target',
  'length.noTarget': '{{total}} (no target)',
  'length.total': 'Total planned: {{total}}',
  'length.lineNoTarget': 'Total planned: {{total}} · no target length set',
  'length.lineOver': 'Total planned: {{total}} · target {{target}} · {{over}} over',
  'length.lineSpare': 'Total planned: {{total}} · target {{target}} · {{spare}} to spare',
  'length.lineOnTarget': 'Total planned: {{total}} · target {{target}} · on target',
  'length.warning': 'Over target by {{over}}: {{total}} planned against a {{target}} target. Trim segments before the show.',
  'unit.h': '{{n}} h',
  'unit.min': '{{n}} min',
  'unit.s': '{{n}} s',
  // Columns
  'col.index': '#',
  'col.time': 'Time',
  'col.segment': 'Segment',
  'col.products': 'Products (SKU)',
  'col.listPrice': 'List\nprice',
  'col.dealPrice': 'Deal\nprice',
  'col.code': 'Code',
  'col.stockCap': 'Stock\ncap',
  'col.limit': 'Per-buyer\nlimit',
  'col.countdown': 'Count-\ndown',
  'col.disclosure': 'Disclosure',
  // Segment content
  'seg.talkingPoints': 'Talking points',
  'seg.sellingPoints': 'Selling points',
  'seg.giveaway': 'Giveaway',
  'seg.prize': 'Prize',
  'seg.quantity': 'Winners',
  'seg.rules': 'Rules',
  'seg.deal': 'Deal',
  'seg.sku': 'SKU {{sku}}',
  'seg.noLabel': 'Sponsored: no label',
  'seg.sponsored': 'Sponsored',
  'seg.scene': 'Scene',
  'seg.overlays': 'Overlays',
  'seg.crewNotes': 'Crew notes',
  'seg.fanGroup': 'Fan-group text',
  'seg.checks': 'Checks before the show',
  'seg.claims': 'Claims to review',
  'claim.line': '“{{words}}” in {{place}}: {{kind}}. Rule: {{source}}',
  'claim.reviewedLine': 'Reviewed: “{{words}}” in {{place}}: {{kind}}.',
  'claim.place.title': 'the title',
  'claim.place.talkingPoint': 'a talking point',
  'claim.place.cueHost': 'a host cue',
  'claim.place.cueAssistant': 'an assistant cue',
  'claim.place.cueController': 'a controller cue',
  'claim.place.fanGroupText': 'the fan-group text',
  'claim.place.lowerThird': 'the lower third',
  'claim.place.giveawayPrize': 'the giveaway prize',
  'claim.place.caption': 'the caption',
  'claim.kind.absolute': 'an absolute claim advertising law forbids',
  'claim.kind.ranking': 'a ranking claim',
  'claim.kind.price': 'a lowest-price claim',
  'claim.kind.guarantee': 'a guarantee',
  'claim.kind.medical': 'a cure or treatment claim',
  'seg.cont': 'cont.',
  // Role cues (host in both views; assistant and controller crew only)
  'cue.section': 'Role cues',
  'cue.host': 'Host',
  'cue.assistant': 'Assistant',
  'cue.controller': 'Controller',
  'cue.hostCues': 'Host cues',
  'deal.off': '{{percent}}% off',
  'deal.cap': 'Stock cap {{n}}',
  'deal.limit': 'Limit {{n}} per buyer',
  'deal.countdown': 'Countdown {{time}}',
  'deal.code': 'Code',
  // Sign-off
  'sign.title': 'Brand sign-off',
  'sign.body': 'By signing, the brand approves the talking points, host cues, selling points, deal terms and giveaway rules above for version {{version}} of this live script.',
  'sign.bodyNoVersion': 'By signing, the brand approves the talking points, host cues, selling points, deal terms and giveaway rules above.',
  'sign.name': 'Approver name',
  'sign.signature': 'Signature',
  'sign.date': 'Date',
  // Page furniture
  'page.of': 'Page {{page}} of {{total}}',
  // Segment kinds
  'kind.opening': 'Opening',
  'kind.product_pitch': 'Product pitch',
  'kind.flash_deal': 'Flash deal',
  'kind.giveaway': 'Giveaway',
  'kind.qa': 'Q&A',
  'kind.co_host': 'Co-host',
  'kind.break': 'Break',
  'kind.closing': 'Closing',
  // Overlays
  'overlay.dealCard': 'Deal card',
  'overlay.countdown': 'Countdown',
  'overlay.stock': 'Stock',
  'overlay.lowerThird': 'Lower third',
  'overlay.disclosure': 'Disclosure badge',
  // Rule warnings (crew only)
  'issue.sceneMissing': 'No OBS scene: the show will not switch scenes here.',
  'issue.perBuyerAboveCap': 'Per-buyer limit is above the stock cap.',
  // CSV
  'csv.start': 'Start ({{zone}})',
  'csv.kind': 'Segment kind',
  'csv.title': 'Title',
  'csv.plannedMinutes': 'Planned minutes',
  'csv.products': 'Products',
  'csv.skus': 'SKUs',
  'csv.listPrice': 'List price',
  'csv.listPriceAmount': 'List price amount',
  'csv.dealPrice': 'Deal price',
  'csv.dealPriceAmount': 'Deal price amount',
  'csv.currency': 'Currency',
  'csv.discountPercent': 'Discount %',
  'csv.discount': 'Discount',
  'csv.code': 'Code',
  'csv.stockCap': 'Stock cap',
  'csv.limit': 'Per-buyer limit',
  'csv.countdown': 'Countdown (s)',
  'csv.sponsored': 'Sponsored',
  'csv.disclosure': 'Disclosure',
  'csv.talkingPoints': 'Talking points',
  'csv.hostCues': 'Host cues',
  'csv.assistantCues': 'Assistant cues',
  'csv.controllerCues': 'Controller cues',
  'csv.sellingPoints': 'Selling points',
  'csv.giveawayPrize': 'Giveaway prize',
  'csv.giveawayQuantity': 'Giveaway quantity',
  'csv.giveawayRules': 'Giveaway rules',
  'csv.scene': 'Scene',
  'csv.overlays': 'Overlays',
  'csv.crewNotes': 'Crew notes',
  'csv.fanGroup': 'Fan-group text',
  'csv.checks': 'Checks',
  'csv.yes': 'Yes',
  'csv.no': 'No',
  // Report
  'report.live': 'Post-show report',
  'report.rehearsal': 'Rehearsal report',
  'report.rehearsalNotice': 'Rehearsal: a practice run, not a live show. Timings, deals and stock below are from the rehearsal; nothing was sold.',
  'report.empty': 'No segments in this run.',
  'report.notEnded': '{{start}} {{zone}} (not ended)',
  'report.onPlan': 'on plan',
  'report.overPlan': '{{length}} over plan',
  'report.underPlan': '{{length}} under plan',
  'report.countdownStarted': 'Countdown started',
  'report.countdownStopped': 'Countdown stopped',
  'report.stockSetTo': 'Stock set to {{n}}',
  'report.stockSet': 'Stock set',
  'report.soldOut': 'Sold out',
  'report.stockReleased': 'Stock released: +{{n}}',
  'report.priceStep': 'Price ladder: step {{n}}',
  // Beats, price ladder, hard start
  'seg.beats': 'Beats',
  'seg.ladder': 'Price ladder',
  'seg.hardStart': 'Hard start {{clock}}',
  'beat.price_reveal': 'Price reveal',
  'beat.link_live': 'Link live',
  'beat.stock_release': 'Stock release',
  'beat.last_call': 'Last call',
  'beat.custom': 'Beat',
  'beat.at': '{{clock}} (+{{offset}})',
  'beat.byHand': 'by hand',
  'beat.units': '+{{n}} units',
  'ladder.atTime': '{{price}} from {{clock}} (+{{offset}})',
  'ladder.atStock': '{{price}} when {{n}} left',
  'csv.beats': 'Beats',
  'csv.ladder': 'Price ladder',
  'csv.hardStart': 'Hard start',
  'report.notAired': 'not aired',
  'report.totalLine': 'Total: planned {{planned}} · ran {{ran}} · {{phrase}}',
  'report.notes': 'Notes',
  'report.noNotes': 'No notes.',
  'report.fact.onAir': 'On air',
  'report.fact.planned': 'Planned',
  'report.fact.ran': 'Ran',
  'report.fact.aired': 'Segments aired',
  'report.fact.airedValue': '{{aired}} of {{total}}',
  'report.fact.dealEvents': 'Deal events',
  'report.fact.stockSold': 'Stock sold',
  'report.fact.units': '{{n}} units',
  'report.fact.soldOut_one': '{{count}} deal sold out',
  'report.fact.soldOut_other': '{{count}} deals sold out',
  'report.fact.run': 'Run',
  'report.fact.rehearsalRun': 'Rehearsal (not live)',
  'report.fact.liveRun': 'Live show',
  'report.col.onAir': 'On air\n({{zone}})',
  'report.col.planned': 'Planned',
  'report.col.actual': 'Actual',
  'report.col.overUnder': 'Over /\nunder',
  'report.col.deals': 'Deals (time · event)',
  'report.col.stock': 'Stock sold\n/ cap',
  'report.csv.show': 'Show',
  'report.csv.brand': 'Brand',
  'report.csv.date': 'Date',
  'report.csv.run': 'Run',
  'report.csv.kind': 'Segment kind',
  'report.csv.segment': 'Segment',
  'report.csv.onAir': 'On air ({{zone}})',
  'report.csv.planned': 'Planned (s)',
  'report.csv.actual': 'Actual (s)',
  'report.csv.overUnder': 'Over/under (s)',
  'report.csv.deals': 'Deals ({{zone}})',
  'report.csv.stockCap': 'Stock cap',
  'report.csv.stockSold': 'Stock sold',
  'report.csv.soldOut': 'Sold out',
  'report.csv.notes': 'Notes',
  'report.csv.live': 'Live',
  'report.csv.rehearsal': 'Rehearsal',
  'report.csv.total': 'Total',
  'report.csv.dealEvents': '{{n}} deal events',
  'report.csv.soldOutCount': '{{n}} sold out',
  // Giveaways (福袋): entry rule on run-sheets, the draw record in reports
  'seg.entry': 'How to enter',
  'entry.comment_keyword': 'Comment the keyword',
  'entry.follow': 'Follow the account',
  'entry.fan_group': 'Join the fan group',
  'entry.other': 'Other',
  'csv.giveawayEntry': 'Giveaway entry rule',
  // Sales targets (show facts, segment rows, CSV columns)
  'fact.targets': 'Sales targets',
  'seg.targets': 'Targets: {{targets}}',
  'target.gmv': 'GMV {{value}}',
  'target.orders': '{{value}} orders',
  'target.units': '{{value}} units',
  'csv.targetGmv': 'Target GMV',
  'csv.targetGmvAmount': 'Target GMV amount',
  'csv.targetOrders': 'Target orders',
  'csv.targetUnits': 'Target units',
  'report.giveaway.title': 'Giveaway draws',
  'report.giveaway.heading': '{{segment}}: {{prize}}',
  'report.giveaway.segment': 'Segment',
  'report.giveaway.prize': 'Prize',
  'report.giveaway.entry': 'How to enter',
  'report.giveaway.count': 'Winners drawn',
  'report.giveaway.entrants': 'Entrants',
  'report.giveaway.committedAt': 'Hash shown',
  'report.giveaway.drawnAt': 'Drawn',
  'report.giveaway.seedHash': 'Seed hash (SHA-256, shown before the draw)',
  'report.giveaway.seed': 'Seed',
  'report.giveaway.entrantsHash': 'Entrant list hash (SHA-256)',
  'report.giveaway.algorithm': 'Algorithm',
  'report.giveaway.winners': 'Winners',
  'report.giveaway.howToCheck': 'Anyone can check this draw again: SHA-256 of the seed must equal the seed hash, and the algorithm over the sorted entrant list gives the same winners in the same order.',
  'report.csv.giveaway': 'Giveaway',
  // Report: sales results (GMV, orders, per segment and product against targets, viewers)
  'report.sales.title': 'Sales results',
  'report.sales.source.orders': 'From imported orders: {{files}}',
  'report.sales.source.live': 'From live entries (units sold at the deal or list price in force; orders, buyers and refunds come only from an order file)',
  'report.sales.source.none': 'No sales recorded for this run.',
  'report.sales.gmvGross': 'GMV (gross)',
  'report.sales.refunds': 'Refunds',
  'report.sales.gmvNet': 'GMV net of refunds',
  'report.sales.orders': 'Orders',
  'report.sales.units': 'Units sold',
  'report.sales.buyers': 'Buyers',
  'report.sales.aov': 'Average order value',
  'report.sales.vsTarget': 'target {{target}} ({{ratio}} of target)',
  'report.sales.segments': 'Per segment',
  'report.sales.segmentLine': 'GMV {{gmv}} · {{units}} units · {{orders}} orders · {{perMinute}} per minute over {{minutes}} min',
  'report.sales.notAired': 'not aired',
  'report.sales.unassigned': '{{n}} order lines matched no segment; they count in the totals.',
  'report.sales.products': 'Per product',
  'report.sales.productLine': '{{units}} units · revenue {{revenue}} (net) · refunds {{refunds}}',
  'report.sales.viewers': 'Viewers',
  'report.sales.peak': 'Peak viewers (live entries)',
  'report.sales.unique': 'Unique viewers (entered after the show)',
  'report.sales.views': 'Views (entered after the show)',
  'report.sales.uvValue': 'UV value (net GMV ÷ unique viewers)',
  'report.sales.gpm': 'GPM (net GMV × 1000 ÷ views)',
  'report.sales.csv.source': 'Sales source',
  'report.sales.csv.gmv': 'GMV',
  'report.sales.csv.units': 'Units sold',
  'report.sales.csv.orders': 'Orders',
  'report.sales.csv.perMinute': 'GMV per minute',
  'report.sales.csv.target': 'Target',
  'report.sales.csv.ofTarget': '% of target',
  'report.sales.csv.value': 'Value',
  'report.sales.csv.product': 'Product',
  'report.sales.csv.figure': 'Sales figure',
} as const;

export type ExportKey = keyof typeof en;

const zhCN: Record<ExportKey, string> = {
  'sheet.brand': '直播脚本 · 品牌确认',
  'sheet.crew': '团队执行表',
  'sheet.table': '直播流程',
  'sheet.segments_one': '{{count}} 个环节',
  'sheet.segments_other': '{{count}} 个环节',
  'sheet.generated': '生成于 {{at}} UTC',
  'sheet.generatedBy': '由 KOL Studio 生成于 {{at}} UTC',
  'sheet.version': '版本 {{version}}',
  'sheet.draft': '草稿',
  'sheet.approved': '已确认',
  'sheet.forBrand': '致 {{brand}}',
  'sheet.empty': '尚未安排任何环节。',
  'fact.date': '日期',
  'fact.showTime': '直播时间',
  'fact.zoneTime': '{{city}}',
  'fact.zoneDetail': '{{city}}（{{zone}}）',
  'fact.platforms': '平台',
  'fact.orientation': '画面',
  'orientation.vertical': '竖屏 9:16',
  'orientation.landscape': '横屏 16:9',
  'fact.host': '主播',
  'fact.hosts': '主播',
  'fact.campaign': '营销活动',
  'fact.length': '计划时长',
  'fact.status': '脚本状态',
  'time.nextDay': '（次日）',
  'length.ofTarget': '{{total}}（目标 {{target}}）',
  'length.noTarget': '{{total}}（未设目标）',
  'length.total': '计划总时长：{{total}}',
  'length.lineNoTarget': '计划总时长：{{total}} · 未设目标时长',
  'length.lineOver': '计划总时长：{{total}} · 目标 {{target}} · 超出 {{over}}',
  'length.lineSpare': '计划总时长：{{total}} · 目标 {{target}} · 余 {{spare}}',
  'length.lineOnTarget': '计划总时长：{{total}} · 目标 {{target}} · 正好',
  'length.warning': '超出目标 {{over}}：计划 {{total}}，目标 {{target}}。开播前请删减环节。',
  'unit.h': '{{n}}小时',
  'unit.min': '{{n}}分钟',
  'unit.s': '{{n}}秒',
  'col.index': '#',
  'col.time': '时间',
  'col.segment': '环节',
  'col.products': '商品（SKU）',
  'col.listPrice': '原价',
  'col.dealPrice': '直播价',
  'col.code': '优惠码',
  'col.stockCap': '库存\n上限',
  'col.limit': '每人\n限购',
  'col.countdown': '倒计时',
  'col.disclosure': '广告标识',
  'seg.talkingPoints': '话术要点',
  'seg.sellingPoints': '商品卖点',
  'seg.giveaway': '福袋抽奖',
  'seg.prize': '奖品',
  'seg.quantity': '中奖人数',
  'seg.rules': '规则',
  'seg.deal': '优惠',
  'seg.sku': 'SKU {{sku}}',
  'seg.noLabel': '推广内容：缺少标识',
  'seg.sponsored': '推广',
  'seg.scene': '场景',
  'seg.overlays': '叠加层',
  'seg.crewNotes': '团队备注',
  'seg.fanGroup': '粉丝群文案',
  'seg.checks': '开播前检查',
  'seg.claims': '待审核的宣传用语',
  'claim.line': '{{place}}中的“{{words}}”：{{kind}}。依据：{{source}}',
  'claim.reviewedLine': '已审核：{{place}}中的“{{words}}”：{{kind}}。',
  'claim.place.title': '标题',
  'claim.place.talkingPoint': '话术',
  'claim.place.cueHost': '主播提示',
  'claim.place.cueAssistant': '助播提示',
  'claim.place.cueController': '场控提示',
  'claim.place.fanGroupText': '粉丝群文案',
  'claim.place.lowerThird': '字幕条',
  'claim.place.giveawayPrize': '福袋奖品',
  'claim.place.caption': '文案',
  'claim.kind.absolute': '广告法禁止的绝对化用语',
  'claim.kind.ranking': '排名类用语',
  'claim.kind.price': '最低价类用语',
  'claim.kind.guarantee': '保证性用语',
  'claim.kind.medical': '疗效类用语',
  'seg.cont': '续',
  'cue.section': '角色提示',
  'cue.host': '主播',
  'cue.assistant': '助播',
  'cue.controller': '场控',
  'cue.hostCues': '主播提示',
  'deal.off': '{{percent}}% off',
  'deal.cap': '库存上限 {{n}}',
  'deal.limit': '每人限购 {{n}}',
  'deal.countdown': '倒计时 {{time}}',
  'deal.code': '优惠码',
  'sign.title': '品牌确认签字',
  'sign.body': '签字即表示品牌已确认本直播脚本第 {{version}} 版中的话术要点、主播提示、商品卖点、优惠条款和抽奖规则。',
  'sign.bodyNoVersion': '签字即表示品牌已确认以上话术要点、主播提示、商品卖点、优惠条款和抽奖规则。',
  'sign.name': '确认人姓名',
  'sign.signature': '签字',
  'sign.date': '日期',
  'page.of': '第 {{page}} 页，共 {{total}} 页',
  'kind.opening': '开场',
  'kind.product_pitch': '商品讲解',
  'kind.flash_deal': '限时秒杀',
  'kind.giveaway': '福袋抽奖',
  'kind.qa': '问答互动',
  'kind.co_host': '连麦嘉宾',
  'kind.break': '休息',
  'kind.closing': '收尾',
  'overlay.dealCard': '优惠卡',
  'overlay.countdown': '倒计时',
  'overlay.stock': '库存',
  'overlay.lowerThird': '字幕条',
  'overlay.disclosure': '广告标识',
  'issue.sceneMissing': '未设 OBS 场景：此环节不会切换场景。',
  'issue.perBuyerAboveCap': '每人限购数高于库存上限。',
  'csv.start': '开始时间（{{zone}}）',
  'csv.kind': '环节类型',
  'csv.title': '标题',
  'csv.plannedMinutes': '计划分钟',
  'csv.products': '商品',
  'csv.skus': 'SKU',
  'csv.listPrice': '原价',
  'csv.listPriceAmount': '原价金额',
  'csv.dealPrice': '直播价',
  'csv.dealPriceAmount': '直播价金额',
  'csv.currency': '币种',
  'csv.discountPercent': '优惠 %',
  'csv.discount': '折扣',
  'csv.code': '优惠码',
  'csv.stockCap': '库存上限',
  'csv.limit': '每人限购',
  'csv.countdown': '倒计时（秒）',
  'csv.sponsored': '推广',
  'csv.disclosure': '广告标识',
  'csv.talkingPoints': '话术要点',
  'csv.hostCues': '主播提示',
  'csv.assistantCues': '助播提示',
  'csv.controllerCues': '场控提示',
  'csv.sellingPoints': '商品卖点',
  'csv.giveawayPrize': '抽奖奖品',
  'csv.giveawayQuantity': '抽奖数量',
  'csv.giveawayRules': '抽奖规则',
  'csv.scene': '场景',
  'csv.overlays': '叠加层',
  'csv.crewNotes': '团队备注',
  'csv.fanGroup': '粉丝群文案',
  'csv.checks': '检查',
  'csv.yes': '是',
  'csv.no': '否',
  'report.live': '直播复盘报告',
  'report.rehearsal': '彩排报告',
  'report.rehearsalNotice': '彩排：这是一次练习，不是正式直播。以下时长、优惠和库存均来自彩排，未产生任何销售。',
  'report.empty': '本场没有环节。',
  'report.notEnded': '{{start}} {{zone}}（未结束）',
  'report.onPlan': '与计划一致',
  'report.overPlan': '超出计划 {{length}}',
  'report.underPlan': '比计划少 {{length}}',
  'report.countdownStarted': '倒计时开始',
  'report.countdownStopped': '倒计时停止',
  'report.stockSetTo': '库存设为 {{n}}',
  'report.stockSet': '库存已设置',
  'report.soldOut': '已售罄',
  'report.stockReleased': '放库存 +{{n}}',
  'report.priceStep': '阶梯价：第 {{n}} 档',
  // Beats, price ladder, hard start
  'seg.beats': '节点',
  'seg.ladder': '阶梯价',
  'seg.hardStart': '硬性开始 {{clock}}',
  'beat.price_reveal': '开价',
  'beat.link_live': '上链接',
  'beat.stock_release': '放库存',
  'beat.last_call': '最后机会',
  'beat.custom': '节点',
  'beat.at': '{{clock}}（+{{offset}}）',
  'beat.byHand': '手动',
  'beat.units': '+{{n}} 件',
  'ladder.atTime': '{{clock}}（+{{offset}}）起 {{price}}',
  'ladder.atStock': '剩 {{n}} 件时 {{price}}',
  'csv.beats': '节点',
  'csv.ladder': '阶梯价',
  'csv.hardStart': '硬性开始',
  'report.notAired': '未播出',
  'report.totalLine': '合计：计划 {{planned}} · 实际 {{ran}} · {{phrase}}',
  'report.notes': '备注',
  'report.noNotes': '无备注。',
  'report.fact.onAir': '播出时间',
  'report.fact.planned': '计划时长',
  'report.fact.ran': '实际时长',
  'report.fact.aired': '已播环节',
  'report.fact.airedValue': '{{aired}} / {{total}}',
  'report.fact.dealEvents': '优惠事件',
  'report.fact.stockSold': '售出库存',
  'report.fact.units': '{{n}} 件',
  'report.fact.soldOut_one': '{{count}} 个优惠售罄',
  'report.fact.soldOut_other': '{{count}} 个优惠售罄',
  'report.fact.run': '场次',
  'report.fact.rehearsalRun': '彩排（非直播）',
  'report.fact.liveRun': '正式直播',
  'report.col.onAir': '播出\n（{{zone}}）',
  'report.col.planned': '计划',
  'report.col.actual': '实际',
  'report.col.overUnder': '超出 /\n不足',
  'report.col.deals': '优惠（时间 · 事件）',
  'report.col.stock': '售出 /\n上限',
  'report.csv.show': '直播',
  'report.csv.brand': '品牌',
  'report.csv.date': '日期',
  'report.csv.run': '场次',
  'report.csv.kind': '环节类型',
  'report.csv.segment': '环节',
  'report.csv.onAir': '播出时间（{{zone}}）',
  'report.csv.planned': '计划（秒）',
  'report.csv.actual': '实际（秒）',
  'report.csv.overUnder': '超出/不足（秒）',
  'report.csv.deals': '优惠（{{zone}}）',
  'report.csv.stockCap': '库存上限',
  'report.csv.stockSold': '售出',
  'report.csv.soldOut': '售罄',
  'report.csv.notes': '备注',
  'report.csv.live': '正式直播',
  'report.csv.rehearsal': '彩排',
  'report.csv.total': '合计',
  'report.csv.dealEvents': '{{n}} 个优惠事件',
  'report.csv.soldOutCount': '{{n}} 个售罄',
  'seg.entry': '参与方式',
  'entry.comment_keyword': '评论口令',
  'entry.follow': '关注主播',
  'entry.fan_group': '加入粉丝团',
  'entry.other': '其他',
  'csv.giveawayEntry': '抽奖参与方式',
  'fact.targets': '销售目标',
  'seg.targets': '目标：{{targets}}',
  'target.gmv': 'GMV {{value}}',
  'target.orders': '{{value}} 单',
  'target.units': '{{value}} 件',
  'csv.targetGmv': '目标 GMV',
  'csv.targetGmvAmount': '目标 GMV 金额',
  'csv.targetOrders': '目标订单数',
  'csv.targetUnits': '目标件数',
  'report.giveaway.title': '福袋抽奖记录',
  'report.giveaway.heading': '{{segment}}：{{prize}}',
  'report.giveaway.segment': '环节',
  'report.giveaway.prize': '奖品',
  'report.giveaway.entry': '参与方式',
  'report.giveaway.count': '中奖人数',
  'report.giveaway.entrants': '参与人数',
  'report.giveaway.committedAt': '公布哈希',
  'report.giveaway.drawnAt': '开奖',
  'report.giveaway.seedHash': '种子哈希（SHA-256，开奖前公布）',
  'report.giveaway.seed': '种子',
  'report.giveaway.entrantsHash': '参与名单哈希（SHA-256）',
  'report.giveaway.algorithm': '算法',
  'report.giveaway.winners': '中奖名单',
  'report.giveaway.howToCheck': '任何人都可以复核本次抽奖：种子的 SHA-256 应等于种子哈希，按算法对排序后的参与名单抽取，得到的中奖名单与顺序应完全相同。',
  'report.csv.giveaway': '福袋抽奖',
  // 报告：销售结果
  'report.sales.title': '销售结果',
  'report.sales.source.orders': '来自导入的订单：{{files}}',
  'report.sales.source.live': '来自直播中场控录入（按当时生效的活动价或标价计算售出件数；订单数、买家数和退款只能来自订单文件）',
  'report.sales.source.none': '本场没有销售记录。',
  'report.sales.gmvGross': 'GMV（含退款）',
  'report.sales.refunds': '退款',
  'report.sales.gmvNet': '扣除退款后的 GMV',
  'report.sales.orders': '订单数',
  'report.sales.units': '售出件数',
  'report.sales.buyers': '买家数',
  'report.sales.aov': '客单价',
  'report.sales.vsTarget': '目标 {{target}}（达成 {{ratio}}）',
  'report.sales.segments': '各环节',
  'report.sales.segmentLine': 'GMV {{gmv}} · {{units}} 件 · {{orders}} 单 · 每分钟 {{perMinute}}（在播 {{minutes}} 分钟）',
  'report.sales.notAired': '未播出',
  'report.sales.unassigned': '有 {{n}} 条订单行未归入任何环节，已计入合计。',
  'report.sales.products': '各商品',
  'report.sales.productLine': '{{units}} 件 · 销售额 {{revenue}}（扣除退款）· 退款 {{refunds}}',
  'report.sales.viewers': '观众',
  'report.sales.peak': '最高在线人数（场控录入）',
  'report.sales.unique': '观看人数 UV（直播后录入）',
  'report.sales.views': '观看次数（直播后录入）',
  'report.sales.uvValue': 'UV 价值（净 GMV ÷ 观看人数）',
  'report.sales.gpm': 'GPM（净 GMV × 1000 ÷ 观看次数）',
  'report.sales.csv.source': '销售数据来源',
  'report.sales.csv.gmv': 'GMV',
  'report.sales.csv.units': '售出件数',
  'report.sales.csv.orders': '订单数',
  'report.sales.csv.perMinute': '每分钟 GMV',
  'report.sales.csv.target': '目标',
  'report.sales.csv.ofTarget': '目标达成率',
  'report.sales.csv.value': '数值',
  'report.sales.csv.product': '商品',
  'report.sales.csv.figure': '销售指标',
};

/** Both tables, for tests and for anyone listing the words. */
export const exportStrings: Record<ExportLanguage, Record<ExportKey, string>> = { en, 'zh-CN': zhCN };

export type ExportParams = Record<string, string | number>;

/** The text of `key` in `lang`, with `{{name}}` placeholders filled from `params`. */
export function exportText(lang: ExportLanguage, key: ExportKey, params: ExportParams = {}): string {
  const template = exportStrings[lang][key];
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A counted phrase: `<key>_one` for 1 (English), `<key>_other` otherwise; `count` is passed as a param. */
export function exportCount(lang: ExportLanguage, key: 'sheet.segments' | 'report.fact.soldOut', count: number, params: ExportParams = {}): string {
  const form = lang === 'en' && count === 1 ? 'one' : 'other';
  return exportText(lang, `${key}_${form}`, { ...params, count: formatCountIn(lang, count) });
}

/** A translator bound to one language. */
export type ExportT = (key: ExportKey, params?: ExportParams) => string;
export const exportTranslator = (lang: ExportLanguage): ExportT => (key, params) => exportText(lang, key, params);

// ---------------------------------------------------------------------------------------------
// Formatting in the export language
// ---------------------------------------------------------------------------------------------

const intlLocale = (lang: ExportLanguage): string => (lang === 'zh-CN' ? 'zh-CN' : 'en-US');

/** Money with Intl in the export language: "CN¥169.00" / "$12.00" in English, "¥169.00" / "US$12.00" in Chinese. */
export function formatMoneyIn(lang: ExportLanguage, money: Money): string {
  return formatMoney(money, intlLocale(lang));
}

const countFormats = new Map<ExportLanguage, Intl.NumberFormat>();
/** Whole numbers with the language's grouping ("1,500"). */
export function formatCountIn(lang: ExportLanguage, n: number): string {
  let format = countFormats.get(lang);
  if (!format) countFormats.set(lang, (format = new Intl.NumberFormat(intlLocale(lang))));
  return format.format(n);
}

/**
 * A discount as shoppers of the language read it: 15 → "15% off" (English), "8.5折" (Chinese: the share of the
 * list price paid, in tenths). Empty for no discount.
 */
export function formatDiscountIn(lang: ExportLanguage, percentOff: number): string {
  if (!(percentOff > 0)) return '';
  if (lang === 'zh-CN') {
    const tenths = (100 - percentOff) / 10;
    return `${Number.isInteger(tenths) ? String(tenths) : tenths.toFixed(1).replace(/0$/, '')}折`;
  }
  return exportText(lang, 'deal.off', { percent: percentOff });
}

/** A length for people: "4 min 30 s", "1 h 5 min" / "4分钟30秒", "1小时5分钟". */
export function formatLengthIn(lang: ExportLanguage, totalSec: number): string {
  const sec = Math.max(0, Math.round(totalSec));
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(exportText(lang, 'unit.h', { n: h }));
  if (m > 0) parts.push(exportText(lang, 'unit.min', { n: m }));
  if (s > 0 || parts.length === 0) parts.push(exportText(lang, 'unit.s', { n: s }));
  return parts.join(lang === 'zh-CN' ? '' : ' ');
}

/** "2026-11-29" → "2026-11-29 (Sun)" / "2026年11月29日 周日". */
export function formatDateIn(lang: ExportLanguage, date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (lang === 'zh-CN') {
    const weekday = new Intl.DateTimeFormat('zh-CN', { weekday: 'short', timeZone: 'UTC' }).format(day);
    return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日 ${weekday}`;
  }
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }).format(day);
  return `${date} (${weekday})`;
}

export const segmentKindIn = (lang: ExportLanguage, kind: SegmentKind): string => exportText(lang, `kind.${kind}`);
export const overlayIn = (lang: ExportLanguage, overlay: keyof SegmentOverlays): string => exportText(lang, `overlay.${overlay}`);

/** A claim flag of a run-sheet as a sentence in the language (the source is quoted as the rule states it). */
export function claimIn(lang: ExportLanguage, claim: { words: string; field: string; category: string; source: string; reviewed: boolean }): string {
  const place = `claim.place.${claim.field}`;
  const kind = `claim.kind.${claim.category}`;
  return exportText(lang, claim.reviewed ? 'claim.reviewedLine' : 'claim.line', {
    words: claim.words,
    place: place in en ? exportText(lang, place as ExportKey) : claim.field,
    kind: kind in en ? exportText(lang, kind as ExportKey) : claim.category,
    source: claim.source,
  });
}

/** Sales targets in one line, only the figures set: "GMV ¥50,000.00 · 300 orders · 800 units"; '' when none. */
export function targetsIn(lang: ExportLanguage, targets: SalesTargets | undefined): string {
  if (!targets) return '';
  return [
    targets.gmv ? exportText(lang, 'target.gmv', { value: formatMoneyIn(lang, targets.gmv) }) : '',
    targets.orders !== undefined ? exportText(lang, 'target.orders', { value: formatCountIn(lang, targets.orders) }) : '',
    targets.units !== undefined ? exportText(lang, 'target.units', { value: formatCountIn(lang, targets.units) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A giveaway's entry rule in words: "Comment the keyword: 补水", "Follow the account". */
export function giveawayEntryIn(lang: ExportLanguage, entry: GiveawayEntryRule): string {
  const kind = exportText(lang, `entry.${entry.kind}`);
  const text = entry.text.trim();
  if (!text) return kind;
  if (entry.kind === 'other') return text;
  return lang === 'zh-CN' ? `${kind}：${text}` : `${kind}: ${text}`;
}

/** A rule warning's words in the language; the English message when the code has no entry here. */
export function issueIn(lang: ExportLanguage, issue: { code: string; message: string }): string {
  const key = `issue.${issue.code}`;
  return key in en ? exportText(lang, key as ExportKey) : issue.message;
}
