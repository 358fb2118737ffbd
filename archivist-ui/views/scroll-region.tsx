/**
 * A wide table's own sideways scroller. When a table cannot wrap into its card (a narrow window, the large
 * type of high contrast), it scrolls here instead of widening the page. The region is named, so a screen
 * reader says what scrolls, and focusable (tabindex 0), so the arrow keys scroll it without a mouse.
 */
import type { ComponentChildren } from 'preact';

export function ScrollRegion(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}
