// The registry's answer on the verification codes of a notice `leakaid check` reads. The
// store is opened for the question and closed after it: a notice carries one code and
// most messages none, and a check must keep working without a database server.
import type { NoticeCodeVerifier } from '../../core/notices/in-message.js';
import { defaultStoreLocation } from '../store/location.js';

export function noticeCodeVerifierForChecks(location: string = defaultStoreLocation()): NoticeCodeVerifier {
  return async (found) => {
    try {
      // Loaded on demand, as the incidents are: the database drivers take longer to load than a check.
      const { openStore } = await import('../store/index.js');
      const { createNoticeVerifier } = await import('./verifier.js');
      const store = await openStore(location);
      try {
        const { result } = await createNoticeVerifier(store).verify('code' in found ? { code: found.code } : { payload: found.payload });
        return { status: result.status, organizationId: result.organization?.id ?? null, incidentId: result.notice?.incidentId ?? null };
      } finally {
        await store.close();
      }
    } catch (error) {
      process.stderr.write(
        `leakaid: the notice registry could not be asked about a verification code (${error instanceof Error ? error.message : String(error)}); it is left unchecked\n`,
      );
      return { status: 'unchecked', organizationId: null, incidentId: null };
    }
  };
}
