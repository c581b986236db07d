// Opens the programme's printable report pack, its changes since the meeting the page shows them
// since (the latest when none was picked). The report is fetched with the bearer header and shown
// from a blob URL, so the token never goes into a URL (history, logs, Referer).
import { useContext, useState } from 'preact/hooks';
import { SessionContext } from '../use-query';

export function ReportPackButton({ id, meetingId }: { id: string; meetingId?: string }) {
  const session = useContext(SessionContext)!;
  const [failure, setFailure] = useState<string | null>(null);
  async function open() {
    setFailure(null);
    // opened while the click still counts as the reader's, so no popup blocker stops it
    const tab = window.open('', '_blank');
    try {
      const since = meetingId === undefined ? '' : `?meetingId=${encodeURIComponent(meetingId)}`;
      const res = await fetch(`/reports/programmes/${encodeURIComponent(id)}${since}`, {
        headers: { authorization: `Bearer ${session.token}` },
      });
      if (res.status === 401) {
        tab?.close();
        session.expired();
        return;
      }
      if (!res.ok) throw new Error(`The server answered ${res.status}.`);
      const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html' }));
      if (tab) tab.location.href = url;
      else window.location.href = url;
      // long enough for the tab to load it; then the copy in memory goes
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      tab?.close();
      setFailure(`The report pack could not be made: ${(err as Error).message}`);
    }
  }
  return (
    <p>
      <button type="button" onClick={open}>
        Report pack
      </button>
      {failure && <span role="alert"> {failure}</span>}
    </p>
  );
}
