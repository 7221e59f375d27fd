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
  };
  representatives?: { lead?: Representative; senior?: Representative };
  evidence?: Partial<Record<Stage, Record<string, EvidenceItem[]>>>;
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
}
