/** Python: its lowering and its profile. */

import type { Language } from "../language";
import { lowerPython } from "./lower/index";
import { pythonProfile } from "./profile";

export const python: Language = {
  family: "python",
  languageIds: ["python"],
  lower: lowerPython,
  profile: pythonProfile,
};
