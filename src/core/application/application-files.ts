import { referencedFiles } from './referenced-files.js';
import { loadApplication } from './load.js';

/** svmc.yaml and the files it names, relative to the folder; only svmc.yaml when it cannot be read. */
export async function applicationFiles(dir: string): Promise<string[]> {
  const { data } = await loadApplication(dir);
  return referencedFiles(data);
}
