import { promptBody, promptVersionOf } from '../../llm/index.js';
import { EXTRACT_PROMPT_FILE } from './prompt.gen.js';

/** prompts/extract.md as sent: the instructions, and the version that is logged with every call. */
export const EXTRACT_PROMPT = {
  version: promptVersionOf(EXTRACT_PROMPT_FILE) ?? 'extract-unversioned',
  system: promptBody(EXTRACT_PROMPT_FILE),
};
