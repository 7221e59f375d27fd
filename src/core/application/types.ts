import type { Level, Size, Stage } from '../domain.js';

/** The shape of svmc.yaml, as fixed by schemas/application.schema.json. */
export interface ApplicationData {
  svmc: 1;
  catalogue?: string;
  applicant: {
    organisation: string;
    scope: 'organisation' | 'programme';
    programme?: string;
    membership?: { network?: string; number?: string; size: Size };
  };
  application: {
    level: Level;
    renewal?: boolean;
    preparationCall?: string;
    termsAndConditions?: string;
    previousAwards?: PreviousAward[];
    fee?: FeeSettings;
  };
  representatives?: { lead?: Representative; senior?: Representative };
  evidence?: Partial<Record<Stage, Record<string, CriterionEvidence>>>;
}

/** How the fee is worked out for this application: a membership discount, a VAT rate other than 20%. */
export interface FeeSettings {
  /** "10%" (a share of the fee) or a whole number of pence. */
  discount?: string | number;
  /** A fraction: 0.2 for 20%. */
  vatRate?: number;
}

/** A criterion's value: its evidence items, or the applicant's statement with them. */
type CriterionEvidence = EvidenceItem[] | CriterionForm;

interface CriterionForm {
  /** How the organisation meets the criterion, in its own words. */
  statement?: string;
  evidence?: EvidenceItem[];
}

export interface PreviousAward {
  level: Level;
  awarded: string;
  reference?: string;
}

export interface Representative {
  name: string;
  email: string;
  role?: string;
  publicKey?: string;
}

export interface EvidenceItem {
  file: string;
  summary?: string;
  date?: string;
  area?: string;
  /** Where in the file the evidence is, e.g. "p. 4, §2.1". */
  locator?: string;
}
