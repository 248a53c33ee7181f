// What the console's forms offer, asked of the API once per page load: the catalogue's types and fields, and the
// policy language's closed lists (policyLanguage), so a form never offers a value the validator would refuse.
import { gql } from './api.js';

const CATALOGUE = `query ConsoleCatalogueTypes { catalogue { name owner fields { name owner sharing sensitivity open } } }`;
const LANGUAGE = `query ConsolePolicyLanguage {
  policyLanguage { departments roles actions ruleKeys fieldSelectorKeys subjectSelectorKeys sharingTypes sensitivities testExpectations testActions }
}`;

/** A cached query; a failed one (signed out, service down) is asked again next time. */
function once(query, pick) {
  let pending = null;
  return () => {
    pending ??= gql(query).then(pick, (error) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** [{ name, owner, fields: [{ name, owner, sharing, sensitivity, open }] }] */
export const catalogueTypes = once(CATALOGUE, (d) => d.catalogue);
export const policyLanguage = once(LANGUAGE, (d) => d.policyLanguage);
