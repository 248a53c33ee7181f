/**
 * The whole platform's resource catalogue: every subgraph's part, merged. Every subgraph builds its callers'
 * abilities over it (not over its own part), so a rule about a type covers that type's fields wherever they are
 * served, and catalogue properties of a type (whether it holds personal information) are judged on the whole type.
 * The governance service serves it. Only catalogue modules (pure data) are imported here.
 */
import { mergeCatalogues } from '../auth';
import { AUDIT_TRAIL_CATALOGUE } from './kit/audit/trail';
import { STRUCTURAL_CATALOGUE } from './kit/catalogue';
import { catalogue as credit } from './credit/catalogue';
import { catalogue as education } from './education/catalogue';
import { catalogue as enterprise } from './enterprise/catalogue';
import { catalogue as geospatial } from './geospatial/catalogue';
import { catalogue as health } from './health/catalogue';
import { catalogue as housing } from './housing/catalogue';
import { catalogue as population } from './population/catalogue';
import { auditCatalogue, catalogue as governance } from './governance/catalogue';

export const PLATFORM_CATALOGUE = mergeCatalogues(STRUCTURAL_CATALOGUE, population, geospatial, governance, enterprise, education, credit, health, housing, AUDIT_TRAIL_CATALOGUE, auditCatalogue);
