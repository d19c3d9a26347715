import { ModelFileError } from '../safety/errors';

/**
 * Refuses archive entry names that could address anything outside the archive's own folder if
 * extracted: absolute paths, drive letters, backslashes, `..` components, control characters.
 * Strata never extracts to disk, but a name like these marks a hostile or broken archive.
 */
export function checkEntryName(name: string, what: string): void {
  const why =
    name === ''
      ? 'is empty'
      : name.startsWith('/')
        ? 'is an absolute path'
        : /^[A-Za-z]:/.test(name)
          ? 'starts with a drive letter'
          : name.includes('\\')
            ? 'contains a backslash'
            : name.split('/').some((part) => part === '..')
              ? "contains a '..' component"
              : // eslint-disable-next-line no-control-regex
                /[\u0000-\u001f]/.test(name)
                ? 'contains a control character'
                : null;
  if (why)
    throw new ModelFileError(
      `${what}: the archive entry name ${JSON.stringify(name)} ${why}; refusing an archive that names files outside itself`,
    );
}
