/** Renders a page component to a complete HTML document (preact escapes every text and attribute). */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function renderPage<P>(page: VNode<P>): string {
  return `<!DOCTYPE html>\n${renderToString(page)}`;
}
