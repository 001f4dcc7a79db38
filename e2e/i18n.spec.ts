/**
 * The studio in Simplified Chinese, end to end (browser mode): switch the language in Settings, load the
 * sample workspace, then walk Shows, a show editor (incl. a segment's rule message), Products, Live (a
 * rehearsal ended through its confirmation), Reports and Settings, checking what a Chinese-speaking
 * producer reads there — headings, buttons, money and dates in zh-CN format. The fixture fails the test
 * on any console error, so a key missing from the Chinese files ("Missing translation") fails it too.
 */
import { expect, test } from './support/fixtures';

test.use({ viewport: { width: 1440, height: 1100 } });

const showTitle = '光研补水之夜 Glow Theory Hydration Night';

test('runs the translated pages in Simplified Chinese with zh-CN money and dates', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/settings');
  await page.getByText('简体中文', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '设置' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: '栏目' });

  // First run: the welcome banner offers the sample workspace, in Chinese.
  await nav.getByRole('link', { name: '直播' }).click();
  const welcome = page.getByRole('region', { name: '欢迎使用 KOL Studio' });
  await welcome.getByRole('button', { name: '加载示例工作区' }).click();
  await expect(page.getByText('示例工作区已加载')).toBeVisible();
  await expect(welcome).toBeHidden();

  // Shows: list with zh-CN dates and translated platforms.
  await expect(page.getByRole('heading', { level: 2, name: '直播' })).toBeVisible();
  await expect(page.getByRole('button', { name: '新建直播' })).toBeVisible();
  const shows = page.getByRole('table', { name: '直播' });
  await expect(shows.getByRole('row')).toHaveCount(3); // header + the two sample shows
  await expect(shows.getByRole('columnheader', { name: '开播时间（直播时区）' })).toBeVisible();
  await expect(shows.getByRole('row').nth(1)).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);

  // The show editor: run-of-show with translated kinds, save state, exports.
  await shows.getByRole('link', { name: showTitle }).click();
  await expect(page.getByRole('heading', { level: 2, name: showTitle })).toBeVisible();
  await expect(page.getByRole('status', { name: '保存状态' })).toHaveText('所有更改已保存');
  await expect(page.getByRole('button', { name: '添加环节' })).toBeVisible();
  await expect(page.getByRole('button', { name: '导出品牌版 PDF' })).toBeVisible();
  await expect(page.getByLabel('计划时长')).toHaveText('58:00 / 1:00:00');
  const runOfShow = page.getByRole('table', { name: '直播流程' });
  await expect(runOfShow.getByRole('row')).toHaveCount(9);
  await expect(runOfShow.getByRole('row').nth(1)).toContainText('开场');
  await expect(runOfShow.getByRole('row').nth(3)).toContainText('限时秒杀');
  await expect(runOfShow.getByRole('row').nth(3)).toContainText('¥149.00');
  await expect(runOfShow).not.toContainText('CN¥');
  await expect(runOfShow.getByRole('button', { name: /^调整 .* 的顺序$/ })).toHaveCount(8);

  // A segment's deal: list price in zh-CN money, and the rule message in Chinese.
  await runOfShow.getByRole('button', { name: '编辑 限时秒杀 Flash deal: 神经酰胺修护面霜' }).click();
  const drawer = page.getByRole('dialog', { name: '编辑环节：限时秒杀 Flash deal: 神经酰胺修护面霜' });
  await expect(drawer.getByText('标价 ¥239.00 · 省 37%')).toBeVisible();
  await drawer.getByRole('textbox', { name: '活动价（CNY）' }).fill('300');
  await expect(drawer.getByRole('alert')).toContainText('修正此项后才能保存');
  await expect(drawer.getByRole('alert')).toContainText('活动价必须低于 神经酰胺修护面霜 Ceramide Barrier Cream 的标价。');
  await expect(drawer.getByRole('button', { name: '保存环节' })).toBeDisabled();
  await drawer.getByRole('button', { name: '取消' }).click();
  await expect(drawer).toBeHidden();

  // Products: prices in zh-CN format (¥ for CNY, US$ for USD).
  await nav.getByRole('link', { name: '商品' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '商品' })).toBeVisible();
  const products = page.getByRole('table', { name: '商品' });
  await expect(products.getByRole('row')).toHaveCount(13);
  await expect(products.getByRole('columnheader', { name: '标价' })).toBeVisible();
  await expect(products.getByRole('row', { name: /玻尿酸保湿精华/ })).toContainText('¥199.00');
  await expect(products).toContainText('US$8.99');
  await expect(products).not.toContainText('CN¥');
  await expect(page.getByRole('button', { name: '新建商品' })).toBeVisible();

  // Live: rehearse, then end the show through its confirmation.
  await nav.getByRole('link', { name: '开播' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '开播' })).toBeVisible();
  await expect(page.getByRole('button', { name: '开播' })).toBeVisible();
  await page.getByRole('button', { name: '彩排' }).click();
  await expect(page.getByLabel('环节计时')).toBeVisible();
  await expect(page.getByText('第 1 / 8 个环节')).toBeVisible();
  await expect(page.getByRole('button', { name: '下一个', exact: true })).toBeEnabled();
  await page.getByRole('button', { name: '结束直播' }).click();
  const confirm = page.getByRole('dialog', { name: '确定结束直播？' });
  await confirm.getByRole('button', { name: '结束直播' }).click();
  await expect(page.getByText('已结束', { exact: true })).toBeVisible();

  // Reports: the rehearsal's report, with a zh-CN date.
  await nav.getByRole('link', { name: '复盘报告' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '复盘报告' })).toBeVisible();
  const report = page.getByRole('region', { name: `报告：${showTitle}` });
  await expect(report.getByText('彩排', { exact: true })).toBeVisible();
  await expect(report).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} · 计划 58:00 · 实际/);
  await expect(report.getByRole('table', { name: `计划与实际：${showTitle}` }).getByRole('columnheader', { name: '售出库存' })).toBeVisible();

  // Settings: counts and sample workspace in Chinese.
  await nav.getByRole('link', { name: '设置' }).click();
  await expect(page.getByText('2 个品牌 · 8 位达人 · 2 个营销活动 · 20 条内容 · 12 个商品 · 2 场直播')).toBeVisible();
  await expect(page.getByRole('button', { name: '加载示例工作区' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '外观' })).toBeVisible();
});
