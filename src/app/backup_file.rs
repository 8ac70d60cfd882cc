//! Making the backup file wherever one is offered (My data's "Download a backup" and "Send to my
//! other device", home's "Back up now", and the copy offered before a replace or an erase): plain while the passcode lock is off, encrypted with the
//! lock's own keys while it is on (see `storage::backup::encrypted`). With the lock on, a plain
//! file is never made as a fallback: that would put every word back in readable text.

use leptos::prelude::GetUntracked;

use crate::app::file_out::download_text;
use crate::app::lock::{LockControl, LockState};
use crate::app::notices::backup_made;
use crate::app::records::Records;
use crate::storage::backup;

/// A backup ready to hand over.
pub(crate) struct BackupFile {
    /// The file name ("peer-study-backup-2026-11-21.json").
    pub name: String,
    /// The file's text.
    pub text: String,
    /// Whether it is encrypted.
    pub encrypted: bool,
}

/// Makes the backup of everything (unsaved changes included). `lock` is the app's lock control,
/// when there is one. The error is a kind sentence.
pub(crate) fn make_backup(
    records: Records,
    lock: Option<LockControl>,
) -> Result<BackupFile, String> {
    let (name, plain) = records.export_backup();
    let Some(lock) = lock.filter(|l| l.state().get_untracked() != LockState::Off) else {
        return Ok(BackupFile {
            name,
            text: plain,
            encrypted: false,
        });
    };
    let text = lock
        .with_keys(|keyring, key| backup::encrypt_backup(&plain, keyring, key))
        .ok_or(
            "The passcode lock changed in another tab, so this backup wasn't made. Please lock \
             and unlock Peer Study, then try again. Nothing you have written is lost.",
        )?
        .map_err(|e| e.to_string())?;
    Ok(BackupFile {
        name: name.replace(".json", "-encrypted.json"),
        text,
        encrypted: true,
    })
}

/// What to say once a backup is saved or sent.
pub(crate) fn saved_words(file: &BackupFile) -> String {
    if file.encrypted {
        format!(
            "Your backup is saved as {}. It is encrypted: it opens only with your passcode or \
             your recovery key, so keep those safe too.",
            file.name
        )
    } else {
        format!(
            "Your backup is saved as {}. Keep it somewhere safe: it holds everything you have \
             written here.",
            file.name
        )
    }
}

/// Makes the backup and downloads it; what to tell the trainee.
pub(crate) fn download_backup(records: Records, lock: Option<LockControl>) -> String {
    let file = match make_backup(records, lock) {
        Ok(file) => file,
        Err(problem) => return problem,
    };
    match download_text(&file.name, "application/json", &file.text) {
        Ok(()) => {
            backup_made();
            saved_words(&file)
        }
        Err(error) => error.to_string(),
    }
}
