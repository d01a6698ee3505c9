import { parentPort } from "worker_threads";
import { CliError } from "./exit-codes";
import { snapshotFile, WorkerReply } from "./read-files";

/** A worker thread that parses the .xlsx files it is sent (see readFiles). */
parentPort?.on("message", async ({ id, file }: { id: number; file: string }) => {
  let reply: WorkerReply;
  try {
    reply = { id, snapshot: await snapshotFile(file) };
  } catch (e) {
    reply =
      e instanceof CliError
        ? { id, error: { exitCode: e.exitCode, problems: e.problems } }
        : { id, crash: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
