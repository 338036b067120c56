import { describe, expect, it } from 'vitest';
import { OFFSET_CAP_ROWS, nextPosition } from '../src/fetcher.ts';
import { readEnvelope, type Pagination } from '../src/upstream/envelope.ts';

const rateLimit = { resets_in_seconds: 3547, remaining: '2987', requested_entity: 'Fixture' };

describe('the envelope', () => {
  it('reads data, pagination and the rate limit (numbers as strings too)', () => {
    const envelope = readEnvelope({
      data: [{ id: 1 }],
      pagination: { count: 25, per_page: 50, current_page: 1, next_page: 'https://api.sportmonks.com/v3/football/fixtures?page=2', has_more: true, next_cursor: 'abc' },
      subscription: [{ meta: [], plans: [], add_ons: [], widgets: [] }],
      rate_limit: rateLimit,
      timezone: 'UTC',
    });
    expect(envelope.records).toEqual([{ id: 1 }]);
    expect(envelope.pagination).toMatchObject({ hasMore: true, nextCursor: 'abc', nextPage: 2 });
    expect(envelope.rateLimit).toEqual({ entity: 'Fixture', remaining: 2987, resetsInSeconds: 3547 });
  });

  it('treats "no result" (a message and no data, or data [] with a message) as an empty page', () => {
    const message = 'No result(s) found matching your request. Either the query did not return any results or you don\'t have access to it via your current subscription.';
    expect(readEnvelope({ message, rate_limit: rateLimit })).toMatchObject({ records: [], noResult: true, pagination: null });
    expect(readEnvelope({ data: [], message, rate_limit: rateLimit })).toMatchObject({ records: [], noResult: true });
  });

  it('makes a single resource a list of one, and a list without pagination one page', () => {
    expect(readEnvelope({ data: { id: 7 } })).toMatchObject({ records: [{ id: 7 }], pagination: null });
  });

  it.each([
    [{ rate_limit: rateLimit }, /no `data` and no message/],
    [[{ id: 1 }], /an array instead of an envelope/],
    ['<html>', /string instead of an envelope/],
    [{ data: 'x' }, /envelope is malformed: \/data/],
  ])('refuses a bad envelope, naming the problem (%#)', (body, message) => {
    expect(() => readEnvelope(body)).toThrow(message);
  });
});

describe('the next page', () => {
  const pagination = (overrides: Partial<Pagination>): Pagination => ({ hasMore: true, nextCursor: null, nextPage: null, currentPage: 1, perPage: 50, ...overrides });

  it('prefers the cursor, falls back to the page number, and follows has_more rather than links', () => {
    expect(nextPosition({ job: 0 }, pagination({ nextCursor: 'c2', nextPage: 2 }), 1, '/x')).toEqual({ job: 0, upstreamCursor: 'c2' });
    expect(nextPosition({ job: 0, page: 3 }, pagination({ nextPage: 4, currentPage: 3 }), 1, '/x')).toEqual({ job: 0, page: 4 });
    expect(nextPosition({ job: 0, page: 3 }, pagination({ currentPage: 3 }), 1, '/x')).toEqual({ job: 0, page: 4 });
    expect(nextPosition({ job: 0 }, pagination({ hasMore: false, nextPage: 2 }), 2, '/x')).toEqual({ job: 1 });
  });

  it('moves to the next job after an unpaginated list, and ends after the last', () => {
    expect(nextPosition({ job: 0 }, null, 2, '/x')).toEqual({ job: 1 });
    expect(nextPosition({ job: 1 }, null, 2, '/x')).toBeNull();
  });

  it('never asks for a page past the offset cap', () => {
    const lastAllowed = OFFSET_CAP_ROWS / 50;
    expect(nextPosition({ job: 0, page: lastAllowed - 1 }, pagination({ currentPage: lastAllowed - 1 }), 1, '/x')).toEqual({ job: 0, page: lastAllowed });
    expect(() => nextPosition({ job: 0, page: lastAllowed }, pagination({ currentPage: lastAllowed }), 1, '/football/fixtures')).toThrow(/offset cap/);
  });
});
