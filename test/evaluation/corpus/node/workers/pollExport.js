'use strict';

const { setTimeout: delay } = require('node:timers/promises');
const debug = require('debug')('exports:poll');

const POLL_INTERVAL_MS = 5000;
const EXPORT_DEADLINE_MS = 15 * 60 * 1000;

/**
 * Kick off a CSV export and wait for the job to finish.
 * The export service answers 202 with a job id; we poll the job resource
 * at a steady interval until it is done, failed, or we hit the deadline.
 */
async function runExport(baseUrl, token, query) {
  const start = await fetch(`${baseUrl}/exports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(query),
  });
  if (!start.ok) {
    throw new Error(`export could not be started: HTTP ${start.status}`);
  }
  const { jobId } = await start.json();
  debug('started export job %s', jobId);

  const deadline = Date.now() + EXPORT_DEADLINE_MS;
  while (Date.now() < deadline) {
    const res = await fetch(`${baseUrl}/exports/${jobId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) {
      throw new Error(`export status check failed: HTTP ${res.status}`);
    }
    const job = await res.json();
    if (job.state === 'done') return job.downloadUrl;
    if (job.state === 'failed') throw new Error(`export ${jobId} failed: ${job.error}`);

    debug('job %s is %s (%d%%)', jobId, job.state, job.progress ?? 0);
    await delay(POLL_INTERVAL_MS);
  }
  throw new Error(`export ${jobId} did not finish within ${EXPORT_DEADLINE_MS / 60000} minutes`);
}

async function download(url) {
  const res = await fetch(url);
  if (res.status === 410) {
    // presigned URL expired; caller starts a new export
    return null;
  }
  if (!res.ok) throw new Error(`download failed: HTTP ${res.status}`);
  return res.text();
}

module.exports = { runExport, download };
