package dk.noegletal.common;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Where import files wait for their import (an upload as it arrives, a pull's answers from Jobindsats): the upload
 * folder, and the names that mark a file there as an import's, so that what a stopped run left is deleted at the
 * next start ({@link ImportUploads}).
 */
public final class ImportFiles {

    private static final String PREFIX = "import-";
    private static final String SUFFIX = ".upload";

    private ImportFiles() {
    }

    /** The upload folder: noegletal.imports.upload-dir, by default uploads under the data folder. */
    public static Path folder(NoegletalConfig config) {
        return Path.of(config.imports().uploadDir().orElse(config.dataDir() + "/uploads")).toAbsolutePath()
                .normalize();
    }

    /** A new file's place in the folder; {@code kind} (may be empty) says what it holds, e.g. jobindsats. */
    public static Path newFile(Path folder, String kind) {
        return folder.resolve(PREFIX + (kind.isEmpty() ? "" : kind + "-") + UUID.randomUUID() + SUFFIX);
    }

    /** The glob of every import file's name. */
    static String glob() {
        return PREFIX + "*" + SUFFIX;
    }
}
