/**
 * Claim check: absolute, ranking, price, guarantee and cure claims that advertising law forbids or polices,
 * found in talking points, cues, deal and overlay text and captions. Pure functions over rules kept as data.
 *
 * Decisions (tested in claims.test.ts):
 * - A flag is a warning for a person to review, never a block: the rules lean to flagging, but ordinary words
 *   that merely contain a forbidden character are left alone (最近 "recently", 最后 "last", 最多 "at most",
 *   第一次 "the first time", "treat yourself").
 * - Every rule runs on every text: a Chinese script may quote an English claim and the other way round.
 * - Text is matched after NFKC (full-width "１００％" is "100%"), case-insensitively for Latin script. The
 *   reported `match` and `index` are those of the normalised text.
 * - Where two flags overlap, the longer (more specific) match is kept: 全网最低 is one price flag, not also a 最.
 * - Each rule names its source, so a producer can tell a brand why a line was flagged.
 * - What is checked (segmentClaimFields, contentClaimFields): what the audience hears or sees: a segment's title,
 *   talking points, role cues (host, assistant, controller, when the segment has them), fan-group text, lower third
 *   line and giveaway prize; a content item's title and caption. Crew notes are never checked: they are instructions
 *   to the crew and may quote a word to avoid.
 * - Review: a flag's key is field|rule|words (claimKey; `field` is the kind of place, e.g. `talkingPoint`, not its
 *   position, so reordering lines keeps a review). The reviewed keys are stored on the segment or content item; a
 *   reviewed flag stays reviewed while those words stay in that kind of place and comes back when they change.
 *   Reviewed flags are still shown (as reviewed) and are left out of every count.
 */

export const claimCategories = ['absolute', 'ranking', 'price', 'guarantee', 'medical'] as const;
export type ClaimCategory = (typeof claimCategories)[number];

export interface ClaimRule {
  id: string;
  /** The language the rule's words are in (every rule runs on every text). */
  language: 'zh' | 'en' | 'any';
  category: ClaimCategory;
  pattern: RegExp;
  /** The law or code the rule comes from. */
  source: string;
}

const AD_LAW_ART9 = '《中华人民共和国广告法》第九条（不得使用“国家级”“最高级”“最佳”等用语）';
const AD_LAW_ART17 = '《中华人民共和国广告法》第十七条（非医疗、药品、医疗器械广告不得涉及疾病治疗功能）';
const AD_LAW_ART28 = '《中华人民共和国广告法》第二十八条（虚假广告）；《价格法》第十四条';
const FTC = 'FTC Act §5 (deceptive claims); UK CAP Code §3 (misleading advertising)';
const FTC_HEALTH = 'FTC Health Products Compliance Guidance; UK CAP Code §12 (medicines and health claims)';

/** Chinese characters that, after 最, make an ordinary word rather than a superlative claim. */
const ordinaryAfterZui = '近后後初终終多少早晚起';
/** Counters and nouns that make 第一 an ordinal ("the first time", "step one"), not a ranking. */
const ordinalAfterDiyi = '次步个個件天位批轮輪款期季集章节節条條场場波单單口眼时時百千万萬';

export const claimRules: readonly ClaimRule[] = [
  // Chinese (广告法 极限词)
  { id: 'zh-price-lowest', language: 'zh', category: 'price', pattern: /全网最低|全网底价|史上最低|最低价|最便宜|跳楼价|全网最便宜/u, source: AD_LAW_ART28 },
  { id: 'zh-superlative', language: 'zh', category: 'absolute', pattern: new RegExp(`最(?![${ordinaryAfterZui}])[\\p{Script=Han}]`, 'u'), source: AD_LAW_ART9 },
  { id: 'zh-first', language: 'zh', category: 'ranking', pattern: new RegExp(`(?:全网|全国|全球|世界|销量|行业)?第一(?![${ordinalAfterDiyi}])`, 'u'), source: AD_LAW_ART9 },
  { id: 'zh-top', language: 'zh', category: 'absolute', pattern: /顶级|顶尖|极品|极致|至尊|巅峰|王牌|首选|首家|首个|唯一|独一无二|史无前例|绝无仅有|万能|无敌|遥遥领先|领导品牌/u, source: AD_LAW_ART9 },
  { id: 'zh-grade', language: 'zh', category: 'absolute', pattern: /国家级|世界级|国际级|全球级|宇宙级|殿堂级|特供|专供/u, source: AD_LAW_ART9 },
  { id: 'zh-absolute', language: 'zh', category: 'guarantee', pattern: /百分之百|绝对|永久|零风险|无副作用|无任何副作用|包治|保证有效|立竿见影/u, source: AD_LAW_ART9 },
  { id: 'zh-medical', language: 'zh', category: 'medical', pattern: /治疗|治愈|根治|药到病除|疗效|祛斑|祛痘|消炎|抗炎|杀菌|抑菌|防癌|抗癌|降血压|降血糖|降血脂|排毒|医用级|药妆|处方级/u, source: AD_LAW_ART17 },
  { id: 'any-100-percent', language: 'any', category: 'guarantee', pattern: /100\s?%/u, source: `${AD_LAW_ART9}; ${FTC}` },
  { id: 'any-number-one', language: 'any', category: 'ranking', pattern: /(?<![A-Za-z0-9])(?<!(?:link|item|step|slot|bag|lot|option|row|page|question|product|deal)\s)(?:no\.?\s?1|top\s?1)(?![A-Za-z0-9])/iu, source: `${AD_LAW_ART9}; ${FTC}` },
  // English
  { id: 'en-best', language: 'en', category: 'absolute', pattern: /\b(?:best[\s-]ever|(?:world'?s|internet'?s) best|best in the world|best on the market|(?<!(?:link|item|step|slot|bag|lot|option|row|page|question|product|deal)\s)number one|unbeatable|unrivall?ed)\b|#1\s+(?:best[\s-]?sell(?:er|ing)|brand|rated|choice|pick|seller)\b/iu, source: FTC },
  { id: 'en-guarantee', language: 'en', category: 'guarantee', pattern: /(?<!money[\s-]back\s)\b(?:guaranteed?(?:\s+results)?|risk[\s-]free|no side[\s-]effects|permanent results|works every time)\b/iu, source: FTC },
  { id: 'en-price', language: 'en', category: 'price', pattern: /\b(?:lowest prices?|cheapest)(?:\s+(?:anywhere|ever|online|on the market|in town))?\b/iu, source: FTC },
  {
    id: 'en-medical',
    language: 'en',
    category: 'medical',
    pattern: /(?<![-\w])(?:cures?|cured(?!\s+(?:ham|hams|meats?|bacon|salmon|pork|sausages?|eggs?|yolks?|beef|fish|duck))|heals?|healed|clinically proven|miracle|FDA[\s-]approved|detox(?:es|ifies)?|(?:treats?|prevents?)\s+(?:acne|eczema|psoriasis|rosacea|diseases?|infections?|hair loss|wrinkles|cancer|diabetes|depression|anxiety|insomnia|colds?|flu|arthritis|inflammation|high blood pressure))\b/iu,
    source: FTC_HEALTH,
  },
];

export interface ClaimFlag {
  ruleId: string;
  category: ClaimCategory;
  /** The words that matched, as found in the NFKC-normalised text. */
  match: string;
  /** Where the match starts in the normalised text. */
  index: number;
  source: string;
}

/** Each rule with a global copy of its pattern, compiled once (findClaims runs on every field of every segment). */
const compiledRules = claimRules.map((rule) => ({ rule, global: new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`) }));

/** Every claim in `text`, in reading order; overlapping matches keep the longest. */
export function findClaims(text: string): ClaimFlag[] {
  const normalised = text.normalize('NFKC');
  if (normalised.trim() === '') return [];
  const found: ClaimFlag[] = [];
  for (const { rule, global } of compiledRules) {
    global.lastIndex = 0;
    for (let m = global.exec(normalised); m !== null; m = global.exec(normalised)) {
      found.push({ ruleId: rule.id, category: rule.category, match: m[0], index: m.index, source: rule.source });
      if (m[0] === '') global.lastIndex += 1;
    }
  }
  // Longest first, then keep a flag only when it overlaps no kept one.
  found.sort((a, b) => b.match.length - a.match.length || a.index - b.index);
  const kept: ClaimFlag[] = [];
  for (const flag of found) {
    const end = flag.index + flag.match.length;
    if (kept.some((k) => flag.index < k.index + k.match.length && k.index < end)) continue;
    kept.push(flag);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** A named piece of text to check (a talking point, a caption…): `field` says where it is, for the message. */
export interface ClaimField {
  field: string;
  text: string;
}

export interface FieldClaimFlag extends ClaimFlag {
  field: string;
}

/** Claims in several fields at once, each flag carrying the field it was found in. */
export function findClaimsInFields(fields: readonly ClaimField[]): FieldClaimFlag[] {
  return fields.flatMap(({ field, text }) => findClaims(text).map((flag) => ({ ...flag, field })));
}

/** A stable key for a flag, so a reviewed flag stays reviewed while its words stay the same. */
export function claimKey(flag: Pick<FieldClaimFlag, 'ruleId' | 'field' | 'match'>): string {
  return `${flag.field}|${flag.ruleId}|${flag.match}`;
}

/** The places of a segment or content item that are checked (crew notes never are: see the header). */
export const claimPlaces = ['title', 'talkingPoint', 'cueHost', 'cueAssistant', 'cueController', 'fanGroupText', 'lowerThird', 'giveawayPrize', 'caption'] as const;
export type ClaimPlace = (typeof claimPlaces)[number];

type CueText = string | readonly string[] | undefined;
/** What a segment (stored, drafted or in a snapshot) says to the audience; role cues are read when present. */
export interface ClaimCheckedSegment {
  title: string;
  talkingPoints: readonly string[];
  fanGroupText: string;
  lowerThird?: { line?: string } | undefined;
  giveaway?: { prize: string } | undefined;
  /** Role cues (issue 11 item 4), when the segment has them: each role's lines. */
  cues?: { host?: CueText; assistant?: CueText; controller?: CueText } | undefined;
}

const at = (field: ClaimPlace, text: string): ClaimField => ({ field, text });
const cueLines = (cue: CueText): string[] => (cue === undefined ? [] : typeof cue === 'string' ? [cue] : [...cue]);

/** The fields of a segment to check, crew notes excluded. */
export function segmentClaimFields(segment: ClaimCheckedSegment): ClaimField[] {
  return [
    at('title', segment.title),
    ...segment.talkingPoints.map((text) => at('talkingPoint', text)),
    ...cueLines(segment.cues?.host).map((text) => at('cueHost', text)),
    ...cueLines(segment.cues?.assistant).map((text) => at('cueAssistant', text)),
    ...cueLines(segment.cues?.controller).map((text) => at('cueController', text)),
    at('fanGroupText', segment.fanGroupText),
    at('lowerThird', segment.lowerThird?.line ?? ''),
    at('giveawayPrize', segment.giveaway?.prize ?? ''),
  ];
}

/** The fields of a content item to check: its title and caption. */
export function contentClaimFields(item: { title?: string | undefined; caption: string }): ClaimField[] {
  return [at('title', item.title ?? ''), at('caption', item.caption)];
}

/** A flag with its review state. */
export interface ReviewedClaimFlag extends FieldClaimFlag {
  field: ClaimPlace;
  key: string;
  reviewed: boolean;
}

/** Flags of `fields`, each marked reviewed when its key is in `reviewedKeys`. */
export function reviewClaims(fields: readonly ClaimField[], reviewedKeys: readonly string[] | undefined): ReviewedClaimFlag[] {
  const reviewed = new Set(reviewedKeys ?? []);
  return findClaimsInFields(fields).map((flag) => {
    const key = claimKey(flag);
    return { ...flag, field: flag.field as ClaimPlace, key, reviewed: reviewed.has(key) };
  });
}

/** A segment's flags with their review state (from its `reviewedClaimKeys`). */
export function segmentClaims(segment: ClaimCheckedSegment & { reviewedClaimKeys?: readonly string[] | undefined }): ReviewedClaimFlag[] {
  return reviewClaims(segmentClaimFields(segment), segment.reviewedClaimKeys);
}

/** A content item's flags with their review state. */
export function contentClaims(item: { title?: string | undefined; caption: string; reviewedClaimKeys?: readonly string[] | undefined }): ReviewedClaimFlag[] {
  return reviewClaims(contentClaimFields(item), item.reviewedClaimKeys);
}

/** How many flags still need a review. */
export function unreviewedCount(flags: readonly ReviewedClaimFlag[]): number {
  return flags.reduce((n, flag) => (flag.reviewed ? n : n + 1), 0);
}

/**
 * The reviewed keys to store: those of `flags` now marked reviewed, sorted and without duplicates. Keys of words
 * that are gone are dropped, so when the same words come back they need a review again.
 */
export function reviewedKeysToStore(flags: readonly ReviewedClaimFlag[]): string[] {
  return [...new Set(flags.filter((flag) => flag.reviewed).map((flag) => flag.key))].sort();
}

/** `keys` with `key` added (reviewed) or removed (not reviewed). */
export function setReviewed(keys: readonly string[] | undefined, key: string, reviewed: boolean): string[] {
  const next = new Set(keys ?? []);
  if (reviewed) next.add(key);
  else next.delete(key);
  return [...next].sort();
}
