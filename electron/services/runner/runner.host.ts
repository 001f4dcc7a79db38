/**
 * The live show as the studio's services hold it: one ShowRunner at a time, journaled to the data dir on
 * every change, its messages forwarded (patches to every client, snapshot and patches to overlay pages). Loading or resuming a show replaces the runner and
 * re-attaches the journal and the forwarding, so clients never hold a runner that is no longer live.
 * A command is acknowledged only once the journal holds its result: whoever sees the acknowledgement (a console,
 * a phone) can count on a crash right after it resuming at that state. OBS and overlays do not wait for the disk:
 * they get the patch as soon as the runner publishes it.
 * Refusals (no show loaded, nothing to resume, and the runner's own RunnerCommandError) carry a reason as data
 * (shared/contract/domains/runner.contract.ts); runner.handlers.ts hands them to the contract as such.
 */
import { StudioError } from '../../../shared/contract/errors';
import type { ResumeOffer, RunnerCommandRequest } from '../../../shared/contract/runner.schema';
import type { SalesEntry, SalesEntrySource } from '../../../shared/domain/entities';
import type { LoadOptions, RunnerMessage, RunnerSnapshotMessage, ShowSnapshot } from '../../../shared/runner/runner.types';
import { attachJournal, findResumableShow, resumeFromJournal, ShowJournal } from './runner.journal';
import { ShowRunner } from './runner.service';

export class RunnerHost {
  private runner: ShowRunner | null = null;
  private detach: () => void = () => undefined;
  private readonly journal: ShowJournal;

  constructor(
    private readonly dataDir: string,
    /** Every message of the live runner: its snapshot when adopted, then each patch. */
    private readonly onMessage: (message: RunnerMessage) => void,
  ) {
    this.journal = new ShowJournal(dataDir);
  }

  load(snapshot: ShowSnapshot, options: LoadOptions): RunnerSnapshotMessage {
    const runner = new ShowRunner();
    runner.load(snapshot, options);
    this.adopt(runner);
    return this.snapshot()!;
  }

  /** Runs one command; `by` says who sent it (the desktop console, or a phone in its role) for the sales log. */
  async command(command: RunnerCommandRequest, by: SalesEntrySource = 'desktop'): Promise<{ revision: number }> {
    const runner = this.runner;
    if (!runner) throw new StudioError('refused', 'No show is loaded: choose a show and go live (or rehearse) first.', { reason: 'not_loaded', command: command.type });
    switch (command.type) {
      case 'jumpTo':
        runner.jumpTo(command.index);
        break;
      case 'adjustTime':
        runner.adjustTime(command.deltaSec);
        break;
      case 'setStockLeft':
        runner.setStockLeft(command.units);
        break;
      case 'giveawayDrawn': {
        const { type: _type, ...drawn } = command;
        runner.giveawayDrawn(drawn);
        break;
      }
      case 'fireBeat':
        runner.fireBeat(command.beatId);
        break;
      case 'recordSale':
        runner.recordSale(command.entry, by);
        break;
      case 'start':
      case 'next':
      case 'previous':
      case 'pause':
      case 'resume':
      case 'startCountdown':
      case 'stopCountdown':
      case 'markSoldOut':
      case 'end':
        runner[command.type]();
        break;
      default:
        command satisfies never;
    }
    const revision = runner.getCore().revision;
    // The runner publishes its patch in a microtask; after one macrotask turn the journal has it queued.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await this.journal.flush();
    return { revision };
  }

  /** The live sales entries of the run loaded now, in the order recorded (empty when no show is loaded). */
  sales(): SalesEntry[] {
    return [...(this.runner?.getSales() ?? [])];
  }

  snapshot(): RunnerSnapshotMessage | null {
    return this.runner ? { kind: 'snapshot', state: this.runner.getState(), now: performance.now() } : null;
  }

  async findResumable(): Promise<ResumeOffer> {
    const { record, corrupt } = await findResumableShow(this.dataDir);
    const offer: ResumeOffer = { resumable: null };
    if (corrupt) offer.corrupt = `The saved show could not be read (${corrupt.reason}); it was kept as ${corrupt.movedTo ?? corrupt.path}.`;
    if (record && (record.status === 'live' || record.status === 'paused')) {
      offer.resumable = {
        title: record.snapshot.show.title,
        status: record.status,
        segmentIndex: record.currentIndex,
        segmentTitle: record.snapshot.segments[record.currentIndex]?.title ?? '',
        rehearsal: record.rehearsal,
      };
    }
    return offer;
  }

  async resume(): Promise<RunnerSnapshotMessage> {
    const { record } = await findResumableShow(this.dataDir);
    if (!record) throw new StudioError('refused', 'There is no show to resume.', { reason: 'nothing_to_resume' });
    this.adopt(resumeFromJournal(record));
    return this.snapshot()!;
  }

  async dispose(): Promise<void> {
    this.detach();
    await this.journal.flush();
  }

  private adopt(runner: ShowRunner): void {
    this.detach();
    this.runner = runner;
    const stopJournal = attachJournal(runner, this.journal);
    const stopForward = runner.subscribe((message) => this.onMessage(message));
    this.detach = () => {
      stopJournal();
      stopForward();
      runner.dispose();
    };
  }
}
