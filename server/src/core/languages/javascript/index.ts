/** JavaScript, TypeScript, JSX and TSX: one lowering (the grammars differ only in what is dropped) and one profile. */

import type { Language } from "../language";
import { lowerJavaScript } from "./lower/index";
import { javascriptProfile } from "./profile";

export const javascript: Language = {
  family: "javascript",
  languageIds: ["javascript", "javascriptreact", "typescript", "typescriptreact"],
  lower: lowerJavaScript,
  profile: javascriptProfile,
};
