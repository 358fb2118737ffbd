/** GET /archivist/search: the search form and, once a purpose of use is stated, its results. */
import express, { type Router } from 'express';
import { h } from 'preact';
import { SearchPage } from '../../../archivist-ui/views/search.js';
import { langOf, sendPage } from './page.js';
import type { ArchivistRouteContext } from './route-context.js';
import { codeNamer, readSearch } from './search-form.js';

/** The form field each search error concerns, so that the page ties the message to it. */

/** The search route of the archivist router. */
export function searchRoutes(ctx: ArchivistRouteContext): Router {
  const { service, codes } = ctx.deps;
  const router = express.Router();
  router.get(
    '/search',
    ctx.signedIn(async (req, res, session) => {
      const lang = langOf(req);
      const search = await readSearch(req.query, session, service, codes, lang);
      const page = ctx.pageContextOf(req, session);
      sendPage(
        res,
        h(SearchPage, {
          ctx: page,
          form: search.form,
          options: search.options,
          result: search.result,
          error: search.errorKey ? page.t[search.errorKey] : undefined,
          errorField: search.errorField,
          filtersOpen: search.filtersOpen,
          names: { ...codeNamer(codes, lang), register: ctx.orgName },
        }),
        search.errorKey ? 400 : 200,
      );
    }),
  );
  return router;
}
