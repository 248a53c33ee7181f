/** The whole platform's resource catalogue: every subgraph's part, merged. The governance service serves it. */
import { mergeCatalogues } from '../../auth';
import { STRUCTURAL_CATALOGUE } from '../kit/catalogue';
import { catalogue as credit } from '../credit/catalogue';
import { catalogue as education } from '../education/catalogue';
import { catalogue as enterprise } from '../enterprise/catalogue';
import { catalogue as geospatial } from '../geospatial/catalogue';
import { catalogue as health } from '../health/catalogue';
import { catalogue as housing } from '../housing/catalogue';
import { catalogue as population } from '../population/catalogue';
import { catalogue as governance } from './catalogue';
import { AUDIT_TRAIL_CATALOGUE } from '../kit/audit/trail';
import { auditCatalogue } from './audit';

export const PLATFORM_CATALOGUE = mergeCatalogues(STRUCTURAL_CATALOGUE, population, geospatial, governance, enterprise, education, credit, health, housing, AUDIT_TRAIL_CATALOGUE, auditCatalogue);
