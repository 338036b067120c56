// The fixture states as SportMonks numbers them (id 24 does not exist).

export interface StateApi {
  id: number;
  state: string;
  name: string;
  short_name: string;
  developer_name: string;
  type_id: null;
  is_live: boolean;
  is_pending: boolean;
  is_period_end: boolean;
  is_final_state: boolean;
  is_cancelled: boolean;
  is_final_standing_state: boolean;
  is_completed: boolean;
  is_deleted: boolean;
  is_notstarted: boolean;
  sections_active: boolean;
  schedule_overrule: boolean;
}

export const STATE = {
  NS: 1,
  INPLAY_1ST_HALF: 2,
  HT: 3,
  FT: 5,
  INPLAY_ET: 6,
  AET: 7,
  FT_PEN: 8,
  INPLAY_PENALTIES: 9,
  POSTPONED: 10,
  CANCELLED: 12,
  DELETED: 20,
  INPLAY_2ND_HALF: 22,
} as const;

const rows: [number, string, string, string][] = [
  [1, 'NS', 'Not Started', 'NS'],
  [2, 'INPLAY_1ST_HALF', '1st Half', '1st'],
  [3, 'HT', 'Half-Time', 'HT'],
  [4, 'BREAK', 'Regular Time Finished', 'BRK'],
  [5, 'FT', 'Full-Time', 'FT'],
  [6, 'INPLAY_ET', 'Extra Time', 'ET'],
  [7, 'AET', 'Full-Time After Extra Time', 'AET'],
  [8, 'FT_PEN', 'Full-Time After Penalties', 'FTP'],
  [9, 'INPLAY_PENALTIES', 'Penalty Shootout', 'PEN'],
  [10, 'POSTPONED', 'Postponed', 'POST'],
  [11, 'SUSPENDED', 'Suspended', 'SUSP'],
  [12, 'CANCELLED', 'Cancelled', 'CANC'],
  [13, 'TBA', 'To Be Announced', 'TBA'],
  [14, 'WO', 'Walk Over', 'WO'],
  [15, 'ABANDONED', 'Abandoned', 'ABAN'],
  [16, 'DELAYED', 'Delayed', 'DELA'],
  [17, 'AWARDED', 'Technical Loss', 'AWAR'],
  [18, 'INTERRUPTED', 'Interrupted', 'INT'],
  [19, 'AWAITING_UPDATES', 'Awaiting Updates', 'AU'],
  [20, 'DELETED', 'Deleted', 'DEL'],
  [21, 'EXTRA_TIME_BREAK', 'Extra Time - Break', 'ETB'],
  [22, 'INPLAY_2ND_HALF', '2nd Half', '2nd'],
  [23, 'INPLAY_ET_2ND_HALF', 'ET - 2nd Half', '2et'],
  [25, 'PEN_BREAK', 'Penalties - Break', 'PENB'],
  [26, 'PENDING', 'Pending', 'PEN'],
];

const LIVE = new Set([2, 3, 4, 6, 9, 21, 22, 23, 25]);
const PENDING = new Set([13, 16, 19, 26]);
const PERIOD_END = new Set([3, 4, 21, 25]);
export const FINAL = new Set([5, 7, 8, 12, 14, 15, 17, 20]);
const CANCELLED = new Set([12, 15, 20]);
export const FINAL_STANDING = new Set([5, 7, 8]);
const COMPLETED = new Set([5, 7, 8, 14, 17]);
const NOT_STARTED = new Set([1, 10, 13, 16, 26]);

export const STATES: StateApi[] = rows.map(([id, developer, name, short]) => ({
  id,
  state: developer,
  name,
  short_name: short,
  developer_name: developer,
  type_id: null,
  is_live: LIVE.has(id),
  is_pending: PENDING.has(id),
  is_period_end: PERIOD_END.has(id),
  is_final_state: FINAL.has(id),
  is_cancelled: CANCELLED.has(id),
  is_final_standing_state: FINAL_STANDING.has(id),
  is_completed: COMPLETED.has(id),
  is_deleted: id === 20,
  is_notstarted: NOT_STARTED.has(id),
  sections_active: LIVE.has(id) || COMPLETED.has(id),
  schedule_overrule: id === 10 || id === 13,
}));

export const STATE_BY_ID = new Map(STATES.map((s) => [s.id, s]));

export function isLive(stateId: number): boolean {
  return LIVE.has(stateId);
}
