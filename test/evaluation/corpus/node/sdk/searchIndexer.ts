import superagent from "superagent";
import { logger } from "../lib/logger";

export interface Doc {
  id: string;
  title: string;
  body: string;
  updatedAt: string;
}

const INDEX_URL = process.env.SEARCH_INDEX_URL ?? "https://search.internal:9200";
const INDEX = "articles";

/** Replaces one document in the search index. PUT by id, so repeating it is harmless. */
export async function indexDoc(doc: Doc): Promise<void> {
  try {
    await superagent
      .put(`${INDEX_URL}/${INDEX}/_doc/${encodeURIComponent(doc.id)}`)
      .send({ title: doc.title, body: doc.body, updated_at: doc.updatedAt })
      .timeout({ response: 5_000, deadline: 30_000 });
  } catch (err: any) {
    if (err.status === 400) {
      logger.error({ id: doc.id, reason: err.response?.body?.error?.reason }, "document rejected by mapping");
      return;
    }
    if (err.status === 413) {
      logger.error({ id: doc.id }, "document too large to index");
      return;
    }
    throw err;
  }
}

export async function removeDoc(id: string): Promise<boolean> {
  try {
    await superagent.delete(`${INDEX_URL}/${INDEX}/_doc/${encodeURIComponent(id)}`);
    return true;
  } catch (err: any) {
    if (err.status === 404) return false;
    throw err;
  }
}

export async function reindexAll(docs: Doc[]): Promise<number> {
  let done = 0;
  for (const doc of docs) {
    await indexDoc(doc);
    done++;
  }
  return done;
}
