// Club, town and league names: real ones for the two free-plan leagues, made up elsewhere.

/** How a season is played; plain leagues are a double round-robin in one stage. */
export type Format = 'league' | 'split-stages' | 'split-groups' | 'playoff-4' | 'playoff-semis' | 'cup';

export interface LeagueSeed {
  id: number;
  name: string;
  countryId: number;
  shortCode: string;
  format: Format;
  /** Teams per season when fixed by the format (otherwise 12 for real clubs, 12–20 made up). */
  size?: number;
  teams?: [string, string, string][];
}

/** [club, short code, city] */
const DANISH: [string, string, string][] = [
  ['FC København', 'FCK', 'København'],
  ['Brøndby IF', 'BIF', 'Brøndby'],
  ['FC Midtjylland', 'FCM', 'Herning'],
  ['AGF', 'AGF', 'Aarhus'],
  ['Randers FC', 'RFC', 'Randers'],
  ['Silkeborg IF', 'SIF', 'Silkeborg'],
  ['Viborg FF', 'VFF', 'Viborg'],
  ['OB', 'OB', 'Odense'],
  ['AaB', 'AAB', 'Aalborg'],
  ['FC Nordsjælland', 'FCN', 'Farum'],
  ['Lyngby BK', 'LBK', 'Lyngby'],
  ['Vejle BK', 'VB', 'Vejle'],
  ['Hvidovre IF', 'HIF', 'Hvidovre'],
  ['Sønderjyske', 'SJE', 'Haderslev'],
];

const SCOTTISH: [string, string, string][] = [
  ['Celtic', 'CEL', 'Glasgow'],
  ['Rangers', 'RAN', 'Glasgow'],
  ['Aberdeen', 'ABE', 'Aberdeen'],
  ['Heart of Midlothian', 'HEA', 'Edinburgh'],
  ['Hibernian', 'HIB', 'Edinburgh'],
  ['Kilmarnock', 'KIL', 'Kilmarnock'],
  ['St. Mirren', 'STM', 'Paisley'],
  ['Motherwell', 'MOT', 'Motherwell'],
  ['Dundee', 'DUN', 'Dundee'],
  ['Dundee United', 'DDU', 'Dundee'],
  ['Ross County', 'ROS', 'Dingwall'],
  ['St. Johnstone', 'STJ', 'Perth'],
  ['Livingston', 'LIV', 'Livingston'],
  ["Queen's Park", 'QPK', 'Glasgow'],
];

/** Clubs of the second tiers that meet in the play-offs. */
const SCOTTISH_CHAMPIONSHIP: [string, string, string][] = [
  ['Partick Thistle', 'PAR', 'Glasgow'],
  ['Raith Rovers', 'RAI', 'Kirkcaldy'],
  ['Airdrieonians', 'AIR', 'Airdrie'],
  ['Ayr United', 'AYR', 'Ayr'],
  ['Greenock Morton', 'MOR', 'Greenock'],
  ['Dunfermline Athletic', 'DUN', 'Dunfermline'],
];

const DANISH_FIRST_DIVISION: [string, string, string][] = [
  ['Esbjerg fB', 'EFB', 'Esbjerg'],
  ['AC Horsens', 'ACH', 'Horsens'],
  ['FC Fredericia', 'FRE', 'Fredericia'],
  ['Kolding IF', 'KIF', 'Kolding'],
  ['HB Køge', 'HBK', 'Køge'],
  ['Hobro IK', 'HIK', 'Hobro'],
];

// The four free-plan competitions first (271 and 501 stay the first two), then four plain
// leagues and one made-up cup with a group stage.
export const DEFAULT_LEAGUES: LeagueSeed[] = [
  { id: 271, name: 'Superliga', countryId: 320, shortCode: 'DNK SL', format: 'split-stages', teams: DANISH },
  { id: 501, name: 'Premiership', countryId: 1161, shortCode: 'SCO P', format: 'split-groups', teams: SCOTTISH },
  { id: 513, name: 'Premiership Play-Offs', countryId: 1161, shortCode: 'SCO PO', format: 'playoff-4', size: 4, teams: SCOTTISH_CHAMPIONSHIP },
  { id: 1659, name: 'Superliga Play-offs', countryId: 320, shortCode: 'DNK PO', format: 'playoff-semis', size: 4, teams: DANISH_FIRST_DIVISION },
  { id: 8, name: 'Premier League', countryId: 462, shortCode: 'UK PL', format: 'league', size: 20 },
  { id: 82, name: 'Bundesliga', countryId: 11, shortCode: 'GER BL', format: 'league', size: 18 },
  { id: 564, name: 'La Liga', countryId: 32, shortCode: 'ESP PL', format: 'league', size: 20 },
  { id: 384, name: 'Serie A', countryId: 251, shortCode: 'ITA SA', format: 'league', size: 20 },
  { id: 1999, name: 'Atlantic Cup', countryId: 462, shortCode: 'ATL C', format: 'cup', size: 16 },
];

const EXTRA_COUNTRIES = [17, 20, 38, 44, 47, 59, 125, 146, 190, 266, 320, 462];

/** Leagues beyond the six defaults, for large datasets. */
export function extraLeague(n: number): LeagueSeed {
  return {
    id: 2000 + n * 3,
    name: `Division ${n + 1}`,
    countryId: EXTRA_COUNTRIES[n % EXTRA_COUNTRIES.length] ?? 17,
    shortCode: `DIV ${n + 1}`,
    format: 'league',
  };
}

const PREFIXES = ['Ash', 'Bel', 'Cal', 'Dun', 'El', 'Fal', 'Gar', 'Hol', 'Kirk', 'Lan', 'Mor', 'Nor', 'Ost', 'Rav', 'Stan', 'Thorn', 'Wes', 'Ber', 'Bran', 'Cor', 'Dal', 'Fen', 'Glen', 'Har', 'Ing', 'Lind', 'Mar', 'Pen', 'Ros', 'Sal', 'Tor', 'Vel', 'Win', 'Ystr', 'Øster', 'Åland'];
const SUFFIXES = ['ford', 'by', 'ton', 'field', 'wick', 'haven', 'mouth', 'burg', 'stad', 'dale', 'moor', 'gate', 'holm', 'berg', 'vik', 'minster'];
const CLUB_WORDS = ['FC', 'United', 'City', 'Athletic', 'Rovers', 'Town', 'SK', 'IF', 'Wanderers', 'Albion', 'Sporting', 'Real'];

/** A made-up club: [club, short code, city]. `take` draws numbers in [0, 1). */
export function madeUpClub(take: () => number): [string, string, string] {
  const pickFrom = (list: string[]): string => list[Math.floor(take() * list.length)] ?? '';
  const city = pickFrom(PREFIXES) + pickFrom(SUFFIXES);
  const word = pickFrom(CLUB_WORDS);
  const club = word === 'Real' || word === 'Sporting' ? `${word} ${city}` : `${city} ${word}`;
  return [club, city.slice(0, 3).toUpperCase(), city];
}
