/**
 * The printable sign-in cards: eight to an A4 sheet, dashed cut lines between them, each with the trainee's
 * name, organisation, username, password and the interface's address, in the class's language. A page of
 * its own (no menu, no live panel), so that what prints is the cards and nothing else.
 */
import { cardSheets, type SignInCard, type SignInCardsModel } from '../../server/classroom/view-models.js';
import { classroomMessages } from '../i18n/classroom.js';
import { messages } from '../i18n/index.js';

function Card(props: { card: SignInCard; url: string; lang: SignInCardsModel['lang'] }) {
  const { card } = props;
  const c = classroomMessages(props.lang);
  const t = messages(props.lang);
  return (
    <article class="sign-in-card" data-username={card.username}>
      <p class="card-heading">{c.cardHeading}</p>
      <p class="card-name">{card.name}</p>
      <p class="card-org">{card.organisationName}</p>
      <dl>
        <dt class="address">{c.cardAddress}</dt>
        <dd class="card-url">{props.url}</dd>
        <dt>{t.username}</dt>
        <dd class="card-username">{card.username}</dd>
        <dt>{c.cardPassword}</dt>
        <dd class="card-password">{card.password}</dd>
      </dl>
    </article>
  );
}

export function SignInCardsPage(props: { model: SignInCardsModel }) {
  const { model } = props;
  const c = classroomMessages(model.lang);
  const t = messages(model.lang);
  return (
    <html lang={model.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${c.cardsTitle} · ${t.appName}`}</title>
        <link rel="stylesheet" href="/archivist/static/classroom-cards.css" />
      </head>
      <body>
        <main>
          <header class="no-print">
            <h1>{c.cardsTitle}</h1>
            <p>{c.cardsPrintHint}</p>
            <p>
              <a href="/archivist/classroom">{c.title}</a>
            </p>
          </header>
          {cardSheets(model.cards).map((sheet) => (
            <section class="sheet" aria-label={c.cardsTitle}>
              {sheet.map((card) => (
                <Card card={card} url={model.url} lang={model.lang} />
              ))}
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
