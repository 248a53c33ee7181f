// API errors for a person, in the active language. The API's messages stay English with a stable extensions.code
// (auth/errors.ts): the catalogue translates the code (`error.<CODE>`), and the API's own sentence follows as the
// detail; a code the catalogue does not know shows the English message and the code as they came.
import { h } from './dom.js';
import { errorText } from './i18n.js';

/** The GraphQL errors of a thrown value: an ApiError's, or one CLIENT error for anything else. */
export function errorsOf(error) {
  if (Array.isArray(error?.errors)) return error.errors;
  return [{ message: error?.message ?? String(error), extensions: { code: 'CLIENT' } }];
}

/** One error: the translated sentence, the API's English message as detail, and the code. */
export function errorNode(e) {
  const code = e.extensions?.code;
  const translated = errorText(e);
  return h(
    'span',
    { class: 'error-message', 'data-code': code },
    translated ?? e.message,
    translated && e.message ? [' ', h('span', { class: 'error-detail', lang: 'en' }, e.message)] : null,
    code && code !== 'CLIENT' ? h('code', { class: 'error-code' }, code) : null,
  );
}
