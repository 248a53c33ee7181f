/**
 * The whole platform's resource catalogue: every subgraph's part, merged. Every subgraph builds its callers'
 * abilities over it (not over its own part), so a rule about a type covers that type's fields wherever they are
 * served, and catalogue properties of a type (whether it holds personal information) are judged on the whole type.
 * The governance service serves it. Only catalogue modules (pure data) are imported here.
 */
import { mergeCatalogues, type EventCatalogue, type EventEntry } from '../auth';
import type { DomainName } from './kit/config';
import { AUDIT_TRAIL_CATALOGUE } from './kit/audit/trail';
import { STRUCTURAL_CATALOGUE } from './kit/catalogue';
import { catalogue as credit, events as creditEvents } from './credit/catalogue';
import { catalogue as education, events as educationEvents } from './education/catalogue';
import { catalogue as enterprise, events as enterpriseEvents } from './enterprise/catalogue';
import { catalogue as geospatial } from './geospatial/catalogue';
import { catalogue as health, events as healthEvents } from './health/catalogue';
import { catalogue as housing, events as housingEvents } from './housing/catalogue';
import { catalogue as population, events as populationEvents } from './population/catalogue';
import { auditCatalogue, catalogue as governance, events as governanceEvents } from './governance/catalogue';

export const PLATFORM_CATALOGUE = mergeCatalogues(STRUCTURAL_CATALOGUE, population, geospatial, governance, enterprise, education, credit, health, housing, AUDIT_TRAIL_CATALOGUE, auditCatalogue);

/** A domain event as the platform knows it: which domain records it. */
export interface PlatformEvent extends EventEntry {
  domain: DomainName;
}

function eventsOf(byDomain: Partial<Record<DomainName, EventCatalogue>>): Readonly<Record<string, PlatformEvent>> {
  const out: Record<string, PlatformEvent> = {};
  for (const [domain, events] of Object.entries(byDomain) as [DomainName, EventCatalogue][]) {
    for (const [name, event] of Object.entries(events)) {
      if (out[name]) throw new Error(`Event ${name} is declared by both ${out[name]!.domain} and ${domain}.`);
      out[name] = { ...event, domain };
    }
  }
  return Object.freeze(out);
}

/** Every domain event of the platform, by name (PersonDied): what it changes and carries, and which domain records it. */
export const PLATFORM_EVENTS = eventsOf({
  population: populationEvents,
  governance: governanceEvents,
  enterprise: enterpriseEvents,
  education: educationEvents,
  credit: creditEvents,
  health: healthEvents,
  housing: housingEvents,
});
