// The report as the Rust core serialises it (see ../shared/spec/REPORT.md and
// crates/privlens-core/src/report.rs). Only the fields the extension reads are typed.

export interface Evidence {
  segment: number;
  start: number;
  end: number;
  quote: string;
}

export interface Finding {
  id: string;
  evidence: Evidence[];
}

export interface ThirdParty {
  name: string;
  category: string;
  generic: boolean;
  evidence: Evidence[];
}

export interface Signal {
  id: string;
  direction: 'good' | 'bad';
  severity: number;
  explanation: string;
  evidence: Evidence[];
}

export interface CookieBanner {
  present: boolean;
  platform: { id: string; name: string } | null;
  tcf: boolean;
  text: string | null;
  buttons: { role: string; label: string }[];
  flags: string[];
}

export type DocumentKind = 'privacy_policy' | 'cookie_policy' | 'terms_of_service' | 'other';

export interface Report {
  url: string | null;
  title: string | null;
  language: string;
  /** The language the practices were read with: `en`, a language pack's tag, or null. */
  read_with?: string | null;
  summary: string;
  document: {
    kind: DocumentKind;
    is_policy: boolean;
    confidence: number;
    reasons: string[];
    effective_date: string | null;
    last_updated: string | null;
    word_count: number;
    reading_minutes: number;
    grade_level: number;
  };
  practices: {
    data_collected: Finding[];
    purposes: Finding[];
    third_parties: ThirdParty[];
    retention: { days: number | null; indefinite: boolean; evidence: Evidence }[];
    rights: Finding[];
    laws: Finding[];
    contacts: { kind: string; value: string; evidence: Evidence }[];
  };
  signals: Signal[];
  grade: { letter: string | null; score: number; moved_by: string[] };
  cookie_banner: CookieBanner;
  trackers?: {
    organisations: { organisation: string; category: string; services: string[]; hosts: string[]; disclosed: boolean }[];
    undisclosed: string[];
  };
}
