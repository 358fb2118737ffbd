import { describe, expect, it } from 'vitest';
import { maskHetusInHtml, PresenterBoard } from '../../server/classroom/presenter.js';

describe('masking hetus in a page for the projector', () => {
  it('masks a hetu in text, attributes and links, keeping the date, century sign and first digit', () => {
    const html =
      '<p>Emilia Testinen 010181-900C</p><section data-hetu="230917A9249">' +
      '<a href="/archivist/search?hetu=010181-900C&amp;reason=training">x</a>' +
      '<a href="/archivist/prefs?next=%2Farchivist%2Fsearch%3Fhetu%3D010181-900C">fi</a>' +
      '<input name="hetu" value="131052%2B908T">';
    const masked = maskHetusInHtml(html);
    expect(masked).toBe(
      '<p>Emilia Testinen 010181-9***</p><section data-hetu="230917A9***">' +
        '<a href="/archivist/search?hetu=010181-9***&amp;reason=training">x</a>' +
        '<a href="/archivist/prefs?next=%2Farchivist%2Fsearch%3Fhetu%3D010181-9***">fi</a>' +
        '<input name="hetu" value="131052%2B9***">',
    );
    expect(masked).not.toMatch(/900C|9249|908T/);
  });

  it('leaves OIDs, dates and longer numbers alone', () => {
    const html =
      '<td>1.2.246.10.1234567.95.1234567890123</td><td>5.12.2026 klo 10.00</td><td>12345678-900C1</td>';
    expect(maskHetusInHtml(html)).toBe(html);
  });
});

describe('the presenter board', () => {
  it("keeps each trainer's latest page and tells that trainer's followers only", () => {
    const board = new PresenterBoard();
    const seen: number[] = [];
    const stop = board.follow('trainer-1', (p) => seen.push(p.seq));
    const first = board.show('trainer-1', '/archivist/search', '<html>1</html>');
    board.show('trainer-2', '/archivist/search', '<html>other</html>');
    const second = board.show('trainer-1', '/archivist/documents/1', '<html>2</html>');
    stop();
    board.show('trainer-1', '/archivist/usage-log', '<html>3</html>');
    expect(seen).toEqual([first.seq, second.seq]);
    expect(board.latest('trainer-1')?.html).toBe('<html>3</html>');
    expect(board.latest('trainer-2')?.html).toBe('<html>other</html>');
    board.forget('trainer-1');
    expect(board.latest('trainer-1')).toBeUndefined();
  });

  it('reveals hetus per presenter window and remembers which sessions are presenter windows', () => {
    const board = new PresenterBoard();
    board.setRevealed('window-a', true);
    expect([board.isRevealed('window-a'), board.isRevealed('window-b')]).toEqual([true, false]);
    board.setRevealed('window-a', false);
    expect(board.isRevealed('window-a')).toBe(false);
    board.markPresenter('window-b');
    expect([board.isPresenter('window-a'), board.isPresenter('window-b')]).toEqual([false, true]);
  });
});
