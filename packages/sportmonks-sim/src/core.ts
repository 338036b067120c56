// The core dictionaries (`/v3/core/...`): continents, countries and types. Real SportMonks ids
// where the shared notes know them (sportmonks-details.md §1.2, §4); the rest of the ~1,300
// types is filled deterministically so that the list pages like the real one.

export interface ContinentApi {
  id: number;
  name: string;
  code: string;
}

export interface CountryApi {
  id: number;
  continent_id: number;
  name: string;
  official_name: string;
  fifa_name: string;
  iso2: string;
  iso3: string;
  latitude: string;
  longitude: string;
  borders: string[];
  image_path: string;
}

export interface TypeApi {
  id: number;
  name: string;
  code: string;
  developer_name: string;
  model_type: string;
  stat_group: string | null;
}

export const CONTINENTS: ContinentApi[] = [
  { id: 1, name: 'Europe', code: 'EU' },
  { id: 2, name: 'Asia', code: 'AS' },
  { id: 3, name: 'Africa', code: 'AF' },
  { id: 4, name: 'Oceania', code: 'OC' },
  { id: 5, name: 'Antarctica', code: 'AN' },
  { id: 6, name: 'North America', code: 'NA' },
  { id: 7, name: 'South America', code: 'SA' },
];

/** [id, continent, name, official name, fifa name, iso2, iso3, latitude, longitude, borders] */
type CountrySeed = [number, number, string, string, string, string, string, string, string, string[]];

// 320, 1161 and 462 are SportMonks' own ids (§1.1); 11, 32 and 251 are the ids the simulator's
// leagues have always used; the others are stable, made-up ids.
const COUNTRY_SEEDS: CountrySeed[] = [
  [2, 1, 'Poland', 'Republic of Poland', 'POL', 'PL', 'POL', '52.000000', '20.000000', ['BLR', 'CZE', 'DEU', 'LTU', 'RUS', 'SVK', 'UKR']],
  [5, 7, 'Brazil', 'Federative Republic of Brazil', 'BRA', 'BR', 'BRA', '-10.000000', '-55.000000', ['ARG', 'BOL', 'COL', 'GUF', 'GUY', 'PRY', 'PER', 'SUR', 'URY', 'VEN']],
  [11, 1, 'Germany', 'Federal Republic of Germany', 'GER', 'DE', 'DEU', '51.000000', '9.000000', ['AUT', 'BEL', 'CZE', 'DNK', 'FRA', 'LUX', 'NLD', 'POL', 'CHE']],
  [17, 1, 'France', 'French Republic', 'FRA', 'FR', 'FRA', '46.000000', '2.000000', ['AND', 'BEL', 'DEU', 'ITA', 'LUX', 'MCO', 'ESP', 'CHE']],
  [20, 1, 'Portugal', 'Portuguese Republic', 'POR', 'PT', 'PRT', '39.500000', '-8.000000', ['ESP']],
  [32, 1, 'Spain', 'Kingdom of Spain', 'ESP', 'ES', 'ESP', '40.000000', '-4.000000', ['AND', 'FRA', 'GIB', 'PRT', 'MAR']],
  [38, 1, 'Netherlands', 'Kingdom of the Netherlands', 'NED', 'NL', 'NLD', '52.500000', '5.750000', ['BEL', 'DEU']],
  [44, 1, 'Belgium', 'Kingdom of Belgium', 'BEL', 'BE', 'BEL', '50.833333', '4.000000', ['FRA', 'DEU', 'LUX', 'NLD']],
  [47, 1, 'Sweden', 'Kingdom of Sweden', 'SWE', 'SE', 'SWE', '62.000000', '15.000000', ['FIN', 'NOR']],
  [59, 1, 'Norway', 'Kingdom of Norway', 'NOR', 'NO', 'NOR', '62.000000', '10.000000', ['FIN', 'SWE', 'RUS']],
  [62, 1, 'Finland', 'Republic of Finland', 'FIN', 'FI', 'FIN', '64.000000', '26.000000', ['NOR', 'SWE', 'RUS']],
  [68, 1, 'Iceland', 'Iceland', 'ISL', 'IS', 'ISL', '65.000000', '-18.000000', []],
  [74, 1, 'Republic of Ireland', 'Ireland', 'IRL', 'IE', 'IRL', '53.000000', '-8.000000', ['GBR']],
  [86, 1, 'Greece', 'Hellenic Republic', 'GRE', 'GR', 'GRC', '39.000000', '22.000000', ['ALB', 'BGR', 'TUR', 'MKD']],
  [95, 2, 'Turkey', 'Republic of Türkiye', 'TUR', 'TR', 'TUR', '39.000000', '35.000000', ['ARM', 'AZE', 'BGR', 'GEO', 'GRC', 'IRN', 'IRQ', 'SYR']],
  [104, 1, 'Croatia', 'Republic of Croatia', 'CRO', 'HR', 'HRV', '45.166667', '15.500000', ['BIH', 'HUN', 'MNE', 'SRB', 'SVN']],
  [113, 1, 'Serbia', 'Republic of Serbia', 'SRB', 'RS', 'SRB', '44.000000', '21.000000', ['BIH', 'BGR', 'HRV', 'HUN', 'MKD', 'MNE', 'ROU']],
  [125, 1, 'Switzerland', 'Swiss Confederation', 'SUI', 'CH', 'CHE', '47.000000', '8.000000', ['AUT', 'FRA', 'ITA', 'LIE', 'DEU']],
  [146, 1, 'Austria', 'Republic of Austria', 'AUT', 'AT', 'AUT', '47.333333', '13.333333', ['CZE', 'DEU', 'HUN', 'ITA', 'LIE', 'SVK', 'SVN', 'CHE']],
  [155, 1, 'Hungary', 'Hungary', 'HUN', 'HU', 'HUN', '47.000000', '20.000000', ['AUT', 'HRV', 'ROU', 'SRB', 'SVK', 'SVN', 'UKR']],
  [170, 1, 'Romania', 'Romania', 'ROU', 'RO', 'ROU', '46.000000', '25.000000', ['BGR', 'HUN', 'MDA', 'SRB', 'UKR']],
  [190, 1, 'Czech Republic', 'Czech Republic', 'CZE', 'CZ', 'CZE', '49.750000', '15.500000', ['AUT', 'DEU', 'POL', 'SVK']],
  [203, 1, 'Ukraine', 'Ukraine', 'UKR', 'UA', 'UKR', '49.000000', '32.000000', ['BLR', 'HUN', 'MDA', 'POL', 'ROU', 'RUS', 'SVK']],
  [212, 1, 'Slovenia', 'Republic of Slovenia', 'SVN', 'SI', 'SVN', '46.116667', '14.816667', ['AUT', 'HRV', 'ITA', 'HUN']],
  [227, 1, 'Slovakia', 'Slovak Republic', 'SVK', 'SK', 'SVK', '48.666667', '19.500000', ['AUT', 'CZE', 'HUN', 'POL', 'UKR']],
  [238, 1, 'Bulgaria', 'Republic of Bulgaria', 'BUL', 'BG', 'BGR', '43.000000', '25.000000', ['GRC', 'MKD', 'ROU', 'SRB', 'TUR']],
  [251, 1, 'Italy', 'Italian Republic', 'ITA', 'IT', 'ITA', '42.833333', '12.833333', ['AUT', 'FRA', 'SMR', 'SVN', 'CHE', 'VAT']],
  [266, 1, 'Wales', 'Wales', 'WAL', 'GB', 'WLS', '52.300000', '-3.600000', ['ENG']],
  [281, 1, 'Northern Ireland', 'Northern Ireland', 'NIR', 'GB', 'NIR', '54.600000', '-6.700000', ['IRL']],
  [296, 7, 'Argentina', 'Argentine Republic', 'ARG', 'AR', 'ARG', '-34.000000', '-64.000000', ['BOL', 'BRA', 'CHL', 'PRY', 'URY']],
  [320, 1, 'Denmark', 'Kingdom of Denmark', 'DEN', 'DK', 'DNK', '56.000000', '10.000000', ['DEU']],
  [338, 6, 'United States', 'United States of America', 'USA', 'US', 'USA', '38.000000', '-97.000000', ['CAN', 'MEX']],
  [353, 6, 'Mexico', 'United Mexican States', 'MEX', 'MX', 'MEX', '23.000000', '-102.000000', ['BLZ', 'GTM', 'USA']],
  [371, 6, 'Canada', 'Canada', 'CAN', 'CA', 'CAN', '60.000000', '-95.000000', ['USA']],
  [389, 2, 'Japan', 'Japan', 'JPN', 'JP', 'JPN', '36.000000', '138.000000', []],
  [404, 2, 'South Korea', 'Republic of Korea', 'KOR', 'KR', 'KOR', '37.000000', '127.500000', ['PRK']],
  [419, 2, 'China PR', "People's Republic of China", 'CHN', 'CN', 'CHN', '35.000000', '105.000000', ['AFG', 'BTN', 'MMR', 'HKG', 'IND', 'KAZ', 'PRK', 'KGZ', 'LAO', 'MAC', 'MNG', 'PAK', 'RUS', 'TJK', 'VNM']],
  [431, 4, 'Australia', 'Commonwealth of Australia', 'AUS', 'AU', 'AUS', '-27.000000', '133.000000', []],
  [447, 3, 'Nigeria', 'Federal Republic of Nigeria', 'NGA', 'NG', 'NGA', '10.000000', '8.000000', ['BEN', 'CMR', 'TCD', 'NER']],
  [462, 1, 'United Kingdom', 'United Kingdom of Great Britain and Northern Ireland', 'ENG,NIR,SCO,WAL', 'GB', 'GBR', '54.000000', '-2.000000', ['IRL']],
  [476, 3, 'Egypt', 'Arab Republic of Egypt', 'EGY', 'EG', 'EGY', '27.000000', '30.000000', ['ISR', 'LBY', 'SDN']],
  [491, 3, 'Morocco', 'Kingdom of Morocco', 'MAR', 'MA', 'MAR', '32.000000', '-5.000000', ['DZA', 'ESH', 'ESP']],
  [506, 3, 'South Africa', 'Republic of South Africa', 'RSA', 'ZA', 'ZAF', '-29.000000', '24.000000', ['BWA', 'LSO', 'MOZ', 'NAM', 'SWZ', 'ZWE']],
  [521, 7, 'Uruguay', 'Oriental Republic of Uruguay', 'URU', 'UY', 'URY', '-33.000000', '-56.000000', ['ARG', 'BRA']],
  [536, 7, 'Colombia', 'Republic of Colombia', 'COL', 'CO', 'COL', '4.000000', '-72.000000', ['BRA', 'ECU', 'PAN', 'PER', 'VEN']],
  [1161, 1, 'Scotland', 'Scotland', 'SCO', 'GB', 'SCO', '56.000000', '-4.000000', ['ENG']],
];

export const COUNTRIES: CountryApi[] = COUNTRY_SEEDS.map(([id, continent, name, official, fifa, iso2, iso3, latitude, longitude, borders]) => ({
  id,
  continent_id: continent,
  name,
  official_name: official,
  fifa_name: fifa,
  iso2,
  iso3,
  latitude,
  longitude,
  borders,
  image_path: `https://cdn.sportmonks.com/images/countries/png/short/${iso2.toLowerCase()}.png`,
})).sort((a, b) => a.id - b.id);

/** The type ids other parts of the simulator write into records. */
export const TYPE_IDS = {
  stage: { groupStage: 223, knockOut: 224, qualifying: 225 },
  score: { firstHalf: 1, secondHalf: 2, extraTime: 3, penaltyShootout: 5, current: 1525, secondHalfOnly: 48996 },
} as const;

/** [id, name, code, developer_name, model_type, stat_group] */
type TypeSeed = [number, string, string, string, string, string | null];

const KNOWN_TYPES: TypeSeed[] = [
  // Periods and score descriptions (§1.2): 3 and 5 carry extra time and the shoot-out here.
  [1, '1st Half', '1st-half', '1ST_HALF', 'period', null],
  [2, '2nd Half', '2nd-half', '2ND_HALF', 'period', null],
  [3, 'Extra Time', 'extra-time', 'EXTRA_TIME', 'period', null],
  [5, 'Penalty Shootout', 'penalty-shootout', 'PENALTY_SHOOTOUT', 'period', null],
  [39, 'Extra Time 2nd Half', 'et-2nd-half', 'ET_2ND_HALF', 'period', null],
  [1525, 'Current', 'current', 'CURRENT', 'period', null],
  [48996, '2nd Half Only', '2nd-half-only', '2ND_HALF_ONLY', 'period', null],
  // Referee roles.
  [6, 'Referee', 'referee', 'REFEREE', 'referee', null],
  [7, '1st Assistant Referee', '1st-assistant-referee', 'FIRST_ASSISTANT_REFEREE', 'referee', null],
  [8, '2nd Assistant Referee', '2nd-assistant-referee', 'SECOND_ASSISTANT_REFEREE', 'referee', null],
  [9, '4th Official', '4th-official', 'FOURTH_OFFICIAL', 'referee', null],
  // Events.
  [10, 'VAR', 'var', 'VAR', 'event', null],
  [14, 'Goal', 'goal', 'GOAL', 'event', null],
  [15, 'Own Goal', 'owngoal', 'OWNGOAL', 'event', null],
  [16, 'Penalty', 'penalty', 'PENALTY', 'event', null],
  [17, 'Missed Penalty', 'missed_penalty', 'MISSED_PENALTY', 'event', null],
  [18, 'Substitution', 'substitution', 'SUBSTITUTION', 'event', null],
  [19, 'Yellowcard', 'yellowcard', 'YELLOWCARD', 'event', null],
  [20, 'Redcard', 'redcard', 'REDCARD', 'event', null],
  [21, 'Yellow/Red card', 'yellowredcard', 'YELLOWREDCARD', 'event', null],
  [22, 'Penalty Shootout Miss', 'penalty_shootout_miss', 'PENALTY_SHOOTOUT_MISS', 'event', null],
  [23, 'Penalty Shootout Goal', 'penalty_shootout_goal', 'PENALTY_SHOOTOUT_GOAL', 'event', null],
  // VAR outcomes: upstream ids unknown (§9), these are the simulator's own.
  [1697, 'VAR Card', 'var-card', 'VAR_CARD', 'event', null],
  [1698, 'Goal Disallowed', 'goal-disallowed', 'GOAL_DISALLOWED', 'event', null],
  [1699, 'Penalty Disallowed', 'penalty-disallowed', 'PENALTY_DISALLOWED', 'event', null],
  [1700, 'Penalty Confirmed', 'penalty-confirmed', 'PENALTY_CONFIRMED', 'event', null],
  [1701, 'Goal Cancelled', 'goal-cancelled', 'GOAL_CANCELLED', 'event', null],
  [1702, 'Goal Confirmed', 'goal-confirmed', 'GOAL_CONFIRMED', 'event', null],
  [1703, 'Goal Under Review', 'goal-under-review', 'GOAL_UNDER_REVIEW', 'event', null],
  // Event sub-types.
  [1495, 'Roughing', 'roughing', 'ROUGHING', 'sub_event', null],
  [1496, 'Foul', 'foul', 'FOUL', 'sub_event', null],
  [1522, 'Right Foot Shot', 'right-foot-shot', 'RIGHT_FOOT_SHOT', 'sub_event', null],
  [1523, 'Left Foot Shot', 'left-foot-shot', 'LEFT_FOOT_SHOT', 'sub_event', null],
  [1694, 'Header', 'header', 'HEADER', 'sub_event', null],
  // Lineups.
  [11, 'Lineup', 'lineup', 'LINEUP', 'lineup', null],
  [12, 'Bench', 'bench', 'BENCH', 'lineup', null],
  [13, 'Sidelined', 'sidelined', 'SIDELINED', 'lineup', null],
  // Positions and detailed positions.
  [24, 'Goalkeeper', 'goalkeeper', 'GOALKEEPER', 'position', null],
  [25, 'Defender', 'defender', 'DEFENDER', 'position', null],
  [26, 'Midfielder', 'midfielder', 'MIDFIELDER', 'position', null],
  [27, 'Attacker', 'attacker', 'ATTACKER', 'position', null],
  [28, 'Unknown', 'unknown', 'UNKNOWN', 'position', null],
  [148, 'Centre Back', 'centre-back', 'CENTRE_BACK', 'position', null],
  [149, 'Defensive Midfield', 'defensive-midfield', 'DEFENSIVE_MIDFIELD', 'position', null],
  [150, 'Attacking Midfield', 'attacking-midfield', 'ATTACKING_MIDFIELD', 'position', null],
  [151, 'Centre Forward', 'centre-forward', 'CENTRE_FORWARD', 'position', null],
  [152, 'Left Wing', 'left-wing', 'LEFT_WING', 'position', null],
  [153, 'Central Midfield', 'central-midfield', 'CENTRAL_MIDFIELD', 'position', null],
  [154, 'Right Back', 'right-back', 'RIGHT_BACK', 'position', null],
  [155, 'Left Back', 'left-back', 'LEFT_BACK', 'position', null],
  [156, 'Right Wing', 'right-wing', 'RIGHT_WING', 'position', null],
  [157, 'Left Midfield', 'left-midfield', 'LEFT_MIDFIELD', 'position', null],
  [158, 'Right Midfield', 'right-midfield', 'RIGHT_MIDFIELD', 'position', null],
  [163, 'Secondary Striker', 'secondary-striker', 'SECONDARY_STRIKER', 'position', null],
  [221, 'Coach', 'coach', 'COACH', 'position', null],
  // Stages (§1.2).
  [223, 'Group Stage', 'group-stage', 'GROUP_STAGE', 'stage', null],
  [224, 'Knock Out', 'knock-out', 'KNOCK_OUT', 'stage', null],
  [225, 'Qualifying', 'qualifying', 'QUALIFYING', 'stage', null],
  // Team and player statistics (§4.4), also the lineup-detail and topscorer types.
  [34, 'Corners', 'corners', 'CORNERS', 'statistic', 'offensive'],
  [41, 'Shots Off Target', 'shots-off-target', 'SHOTS_OFF_TARGET', 'statistic', 'offensive'],
  [42, 'Shots Total', 'shots-total', 'SHOTS_TOTAL', 'statistic', 'offensive'],
  [43, 'Attacks', 'attacks', 'ATTACKS', 'statistic', 'offensive'],
  [44, 'Dangerous Attacks', 'dangerous-attacks', 'DANGEROUS_ATTACKS', 'statistic', 'offensive'],
  [45, 'Ball Possession %', 'ball-possession', 'BALL_POSSESSION', 'statistic', 'overall'],
  [46, 'Ball Safe', 'ball-safe', 'BALL_SAFE', 'statistic', 'overall'],
  [47, 'Penalties', 'penalties', 'PENALTIES', 'statistic', 'offensive'],
  [49, 'Shots Insidebox', 'shots-insidebox', 'SHOTS_INSIDEBOX', 'statistic', 'offensive'],
  [50, 'Shots Outsidebox', 'shots-outsidebox', 'SHOTS_OUTSIDEBOX', 'statistic', 'offensive'],
  [51, 'Offsides', 'offsides', 'OFFSIDES', 'statistic', 'overall'],
  [52, 'Goals', 'goals', 'GOALS', 'statistic', 'offensive'],
  [53, 'Goal Kicks', 'goal-kicks', 'GOAL_KICKS', 'statistic', 'overall'],
  [54, 'Goal Attempts', 'goal-attempts', 'GOAL_ATTEMPTS', 'statistic', 'offensive'],
  [55, 'Free Kicks', 'free-kicks', 'FREE_KICKS', 'statistic', 'overall'],
  [56, 'Fouls', 'fouls', 'FOULS', 'statistic', 'defensive'],
  [57, 'Saves', 'saves', 'SAVES', 'statistic', 'defensive'],
  [58, 'Shots Blocked', 'shots-blocked', 'SHOTS_BLOCKED', 'statistic', 'defensive'],
  [59, 'Substitutions', 'substitutions', 'SUBSTITUTIONS', 'statistic', 'overall'],
  [78, 'Tackles', 'tackles', 'TACKLES', 'statistic', 'defensive'],
  [79, 'Assists', 'assists', 'ASSISTS', 'statistic', 'offensive'],
  [80, 'Passes', 'passes', 'PASSES', 'statistic', 'overall'],
  [81, 'Successful Passes', 'successful-passes', 'SUCCESSFUL_PASSES', 'statistic', 'overall'],
  [83, 'Redcards', 'redcards', 'REDCARDS', 'statistic', 'overall'],
  [84, 'Yellowcards', 'yellowcards', 'YELLOWCARDS', 'statistic', 'overall'],
  [85, 'Yellowred Cards', 'yellowred-cards', 'YELLOWRED_CARDS', 'statistic', 'overall'],
  [86, 'Shots On Target', 'shots-on-target', 'SHOTS_ON_TARGET', 'statistic', 'offensive'],
  [88, 'Goals Conceded', 'goals-conceded', 'GOALS_CONCEDED', 'statistic', 'defensive'],
  [118, 'Rating', 'rating', 'RATING', 'statistic', 'overall'],
  [119, 'Minutes Played', 'minutes-played', 'MINUTES_PLAYED', 'statistic', 'overall'],
  [208, 'Goal Topscorer', 'goal-topscorer', 'GOAL_TOPSCORER', 'statistic', 'offensive'],
  [209, 'Assist Topscorer', 'assist-topscorer', 'ASSIST_TOPSCORER', 'statistic', 'offensive'],
  // Standing details (the simulator's DETAIL_TYPES).
  [129, 'Overall Matches Played', 'overall-matches-played', 'OVERALL_MATCHES', 'standing', 'overall'],
  [130, 'Overall Won', 'overall-won', 'OVERALL_WINS', 'standing', 'overall'],
  [131, 'Overall Draw', 'overall-draw', 'OVERALL_DRAWS', 'standing', 'overall'],
  [132, 'Overall Lost', 'overall-lost', 'OVERALL_LOST', 'standing', 'overall'],
  [133, 'Overall Goals Scored', 'overall-goals-scored', 'OVERALL_SCORED', 'standing', 'overall'],
  [134, 'Overall Goals Conceded', 'overall-goals-conceded', 'OVERALL_CONCEDED', 'standing', 'overall'],
  [179, 'Overall Goal Difference', 'overall-goal-difference', 'OVERALL_GOAL_DIFFERENCE', 'standing', 'overall'],
  [187, 'Overall Points', 'overall-points', 'OVERALL_POINTS', 'standing', 'overall'],
  // Expected goals (a paid add-on upstream).
  [5304, 'Expected Goals (xG)', 'expected-goals', 'EXPECTED_GOALS', 'expected', 'offensive'],
  [5305, 'Expected Goals on Target (xGoT)', 'expected-goals-on-target', 'EXPECTED_GOALS_ON_TARGET', 'expected', 'offensive'],
  [7939, 'Expected Points', 'expected-points', 'EXPECTED_POINTS', 'expected', 'overall'],
  [7940, 'Expected Goals Penalties', 'expected-goals-penalties', 'EXPECTED_GOALS_PENALTIES', 'expected', 'offensive'],
  [7941, 'Expected Goals Free Kicks', 'expected-goals-free-kicks', 'EXPECTED_GOALS_FREE_KICKS', 'expected', 'offensive'],
  // Injuries and suspensions.
  [533, 'Thigh Problems', 'thigh-problems', 'THIGH_PROBLEMS', 'injury_suspension', null],
  [557, 'Cruciate Ligament Injury', 'cruciate-ligament-injury', 'CRUCIATE_LIGAMENT_INJURY', 'injury_suspension', null],
];

/** How many types `/v3/core/types` lists, as upstream (§1.2: "~1300 core types"). */
export const TYPE_COUNT = 1300;

// Fillers cycle through the other model types the notes have seen, so that every kind pages by.
const FILLER_KINDS: [string, string, string | null][] = [
  ['statistic', 'Statistic', 'overall'],
  ['statistic', 'Home Statistic', 'home'],
  ['statistic', 'Away Statistic', 'away'],
  ['injury_suspension', 'Injury', null],
  ['highlight', 'Highlight', null],
  ['prediction', 'Prediction', null],
  ['standing_rule', 'Standing Rule', null],
  ['tie_breaker_rule', 'Tie Breaker Rule', null],
];

function buildTypes(): TypeApi[] {
  const known = new Set(KNOWN_TYPES.map(([id]) => id));
  const seeds = [...KNOWN_TYPES];
  for (let id = 300, n = 0; seeds.length < TYPE_COUNT; id++) {
    if (known.has(id)) continue;
    const [model, label, group] = FILLER_KINDS[n++ % FILLER_KINDS.length] ?? ['statistic', 'Statistic', null];
    const slug = label.toLowerCase().replaceAll(' ', '-');
    seeds.push([id, `${label} ${id}`, `${slug}-${id}`, `${label.toUpperCase().replaceAll(' ', '_')}_${id}`, model, group]);
  }
  return seeds
    .map(([id, name, code, developer, model, group]) => ({ id, name, code, developer_name: developer, model_type: model, stat_group: group }))
    .sort((a, b) => a.id - b.id);
}

export const TYPES: TypeApi[] = buildTypes();
