/**
 * City names for common IANA time zones, in English and 简体中文, so a zone picker finds "Beijing" or "北京"
 * (both in Asia/Shanghai) and not only "Asia/Shanghai". Data plus one pure search; no zone maths here.
 * Invariants: every key is an IANA zone id; `en` and `zh` list the cities a person would type, the first of
 * each being the zone's display city; matching ignores case, spaces, "_" and "/" and also finds a zone by its
 * id; a zone with no entry here is still found by its id (and its id's city part, "Ho_Chi_Minh" → "ho chi minh").
 */

export interface ZoneNames {
  en: readonly string[];
  zh: readonly string[];
}

export const zoneNames: Readonly<Record<string, ZoneNames>> = {
  'Asia/Shanghai': { en: ['Beijing', 'Shanghai', 'Shenzhen', 'Guangzhou', 'Hangzhou', 'Chengdu', 'Wuhan', 'Chongqing', 'China'], zh: ['北京', '上海', '深圳', '广州', '杭州', '成都', '武汉', '重庆', '中国'] },
  'Asia/Hong_Kong': { en: ['Hong Kong'], zh: ['香港'] },
  'Asia/Macau': { en: ['Macau', 'Macao'], zh: ['澳门'] },
  'Asia/Taipei': { en: ['Taipei', 'Taiwan'], zh: ['台北', '台湾'] },
  'Asia/Tokyo': { en: ['Tokyo', 'Osaka', 'Japan'], zh: ['东京', '大阪', '日本'] },
  'Asia/Seoul': { en: ['Seoul', 'Korea'], zh: ['首尔', '韩国'] },
  'Asia/Singapore': { en: ['Singapore'], zh: ['新加坡'] },
  'Asia/Kuala_Lumpur': { en: ['Kuala Lumpur', 'Malaysia'], zh: ['吉隆坡', '马来西亚'] },
  'Asia/Bangkok': { en: ['Bangkok', 'Thailand'], zh: ['曼谷', '泰国'] },
  'Asia/Jakarta': { en: ['Jakarta', 'Indonesia'], zh: ['雅加达', '印度尼西亚', '印尼'] },
  'Asia/Manila': { en: ['Manila', 'Philippines'], zh: ['马尼拉', '菲律宾'] },
  'Asia/Ho_Chi_Minh': { en: ['Ho Chi Minh City', 'Saigon', 'Hanoi', 'Vietnam'], zh: ['胡志明市', '河内', '越南'] },
  'Asia/Kolkata': { en: ['Mumbai', 'Delhi', 'Kolkata', 'Bangalore', 'India'], zh: ['孟买', '新德里', '加尔各答', '班加罗尔', '印度'] },
  'Asia/Dubai': { en: ['Dubai', 'Abu Dhabi'], zh: ['迪拜', '阿布扎比'] },
  'Europe/London': { en: ['London', 'United Kingdom', 'UK'], zh: ['伦敦', '英国'] },
  'Europe/Paris': { en: ['Paris', 'France'], zh: ['巴黎', '法国'] },
  'Europe/Berlin': { en: ['Berlin', 'Germany'], zh: ['柏林', '德国'] },
  'Europe/Madrid': { en: ['Madrid', 'Spain'], zh: ['马德里', '西班牙'] },
  'Europe/Rome': { en: ['Rome', 'Milan', 'Italy'], zh: ['罗马', '米兰', '意大利'] },
  'Europe/Amsterdam': { en: ['Amsterdam', 'Netherlands'], zh: ['阿姆斯特丹', '荷兰'] },
  'Europe/Moscow': { en: ['Moscow', 'Russia'], zh: ['莫斯科', '俄罗斯'] },
  'America/New_York': { en: ['New York', 'Boston', 'Washington', 'Miami', 'Toronto', 'US Eastern'], zh: ['纽约', '波士顿', '华盛顿', '迈阿密', '多伦多', '美东'] },
  'America/Chicago': { en: ['Chicago', 'Houston', 'Dallas', 'US Central'], zh: ['芝加哥', '休斯敦', '达拉斯', '美中'] },
  'America/Denver': { en: ['Denver', 'US Mountain'], zh: ['丹佛'] },
  'America/Los_Angeles': { en: ['Los Angeles', 'San Francisco', 'Seattle', 'Vancouver', 'US Pacific'], zh: ['洛杉矶', '旧金山', '西雅图', '温哥华', '美西'] },
  'America/Toronto': { en: ['Toronto'], zh: ['多伦多'] },
  'America/Vancouver': { en: ['Vancouver'], zh: ['温哥华'] },
  'America/Mexico_City': { en: ['Mexico City', 'Mexico'], zh: ['墨西哥城', '墨西哥'] },
  'America/Sao_Paulo': { en: ['São Paulo', 'Sao Paulo', 'Brazil'], zh: ['圣保罗', '巴西'] },
  'Australia/Sydney': { en: ['Sydney', 'Melbourne', 'Australia'], zh: ['悉尼', '墨尔本', '澳大利亚'] },
  'Pacific/Auckland': { en: ['Auckland', 'New Zealand'], zh: ['奥克兰', '新西兰'] },
  UTC: { en: ['UTC', 'GMT', 'Coordinated Universal Time'], zh: ['协调世界时', '世界标准时间'] },
};

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s_/-]+/g, ' ').trim();
}

/** The city to show beside a zone id in `language` ('zh…' → Chinese), or undefined when none is known. */
export function zoneCity(zone: string, language: string): string | undefined {
  const names = zoneNames[zone];
  return language.toLowerCase().startsWith('zh') ? names?.zh[0] : names?.en[0];
}

const haystacks = new Map<string, string>();
function haystackOf(zone: string): string {
  let found = haystacks.get(zone);
  if (found === undefined) {
    const names = zoneNames[zone];
    found = [zone, ...(names?.en ?? []), ...(names?.zh ?? [])].map(fold).join('|');
    haystacks.set(zone, found);
  }
  return found;
}

/** Whether `zone` matches what the user typed (empty text matches every zone). */
export function zoneMatches(zone: string, query: string): boolean {
  const q = fold(query);
  return q === '' || haystackOf(zone).includes(q);
}

/**
 * The zones of `zones` matching `query`, best first: a zone one of whose names starts with the query before one
 * that only contains it; otherwise in the order given.
 */
export function searchZones(zones: readonly string[], query: string): string[] {
  const q = fold(query);
  if (q === '') return [...zones];
  const starts: string[] = [];
  const contains: string[] = [];
  for (const zone of zones) {
    const hay = haystackOf(zone);
    if (!hay.includes(q)) continue;
    const city = fold(zone.slice(zone.lastIndexOf('/') + 1));
    if (hay.split('|').some((name) => name.startsWith(q)) || city.startsWith(q)) starts.push(zone);
    else contains.push(zone);
  }
  return [...starts, ...contains];
}
