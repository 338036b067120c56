// Club, town and league names: real ones for the two free-plan leagues, made up elsewhere.

export interface LeagueSeed {
  id: number;
  name: string;
  countryId: number;
  shortCode: string;
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

export const DEFAULT_LEAGUES: LeagueSeed[] = [
  { id: 271, name: 'Superliga', countryId: 320, shortCode: 'DNK SL', teams: DANISH },
  { id: 501, name: 'Premiership', countryId: 1161, shortCode: 'SCO P', teams: SCOTTISH },
  { id: 8, name: 'Premier League', countryId: 462, shortCode: 'UK PL' },
  { id: 82, name: 'Bundesliga', countryId: 11, shortCode: 'GER BL' },
  { id: 564, name: 'La Liga', countryId: 32, shortCode: 'ESP PL' },
  { id: 384, name: 'Serie A', countryId: 251, shortCode: 'ITA SA' },
];

const EXTRA_COUNTRIES = [17, 20, 38, 44, 47, 59, 125, 146, 190, 266, 320, 462];

/** Leagues beyond the six defaults, for large datasets. */
export function extraLeague(n: number): LeagueSeed {
  return {
    id: 2000 + n * 3,
    name: `Division ${n + 1}`,
    countryId: EXTRA_COUNTRIES[n % EXTRA_COUNTRIES.length] ?? 17,
    shortCode: `DIV ${n + 1}`,
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
