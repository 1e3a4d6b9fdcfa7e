import { CARD_STATUSES } from '@platform/contracts';
import { mayChangeStatus } from './card-lifecycle';

describe('card statuses', () => {
  it('never leave DELETED, and never return to CREATING', () => {
    for (const to of CARD_STATUSES) expect(mayChangeStatus('DELETED', to)).toBe(false);
    for (const from of CARD_STATUSES) expect(mayChangeStatus(from, 'CREATING')).toBe(false);
  });

  it('leave CREATING only when P100 issued the card (markIssued), not by a status change', () => {
    for (const to of CARD_STATUSES) expect(mayChangeStatus('CREATING', to)).toBe(false);
  });

  it('move freely between the statuses of an issued card, and to DELETED from any of them', () => {
    const issued = ['ACTIVE', 'LOCKED_BY_USER', 'BLOCKED', 'SUSPENDED'] as const;
    for (const from of issued) {
      for (const to of [...issued, 'DELETED'] as const) expect(mayChangeStatus(from, to)).toBe(from !== to);
    }
  });
});
