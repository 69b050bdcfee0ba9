// Asking the page-world probe (page_probe.ts) what only the page's JavaScript knows.

export interface ProbeResult {
  tcf: boolean;
  globals: string[];
}

const PROBE_TIMEOUT_MS = 200;

export function probePage(): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const done = (r: ProbeResult) => {
      document.removeEventListener('privlens:probe-result', onResult);
      resolve(r);
    };
    const onResult = (e: Event) => {
      try {
        const parsed = JSON.parse(String((e as CustomEvent).detail)) as ProbeResult;
        done({ tcf: parsed.tcf === true, globals: Array.isArray(parsed.globals) ? parsed.globals.map(String).slice(0, 50) : [] });
      } catch {
        done({ tcf: false, globals: [] });
      }
    };
    document.addEventListener('privlens:probe-result', onResult);
    document.dispatchEvent(new CustomEvent('privlens:probe'));
    setTimeout(() => done({ tcf: false, globals: [] }), PROBE_TIMEOUT_MS);
  });
}
