import { Engine } from "../../server/src/core/engine";
import { Parsers } from "../../server/src/core/parse/parser";
import { loadGrammarBytes } from "../../server/src/node/engine";

let parsers: Promise<Parsers> | undefined;
let engine: Promise<Engine> | undefined;

/** The parsers, created once per test file. */
export function getParsers(): Promise<Parsers> {
  parsers ??= Parsers.create(loadGrammarBytes());
  return parsers;
}

/** The engine, created once per test file. */
export function getEngine(): Promise<Engine> {
  engine ??= Engine.create(loadGrammarBytes());
  return engine;
}
