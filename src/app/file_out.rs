//! Getting a file off the page, for every screen that hands one over (an exported draft, a
//! backup, a set-aside copy): a download through a Blob and an object URL, or the system share
//! sheet where the browser offers one for files (mostly phones).
//!
//! The share sheet is feature-detected with `Reflect` (never assumed), so a browser without
//! `navigator.canShare` or `navigator.share` simply never shows the Share button.

use std::time::Duration;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, File, FilePropertyBag, HtmlAnchorElement, Url};

use crate::domain::export::ExportedFile;

/// Why a file could not be handed over. Nothing stored is ever touched by these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileOutError {
    /// The browser refused to make or download the file.
    Download,
    /// The share sheet is not available for this file here.
    ShareUnavailable,
}

impl std::fmt::Display for FileOutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileOutError::Download => write!(
                f,
                "This browser would not save the file. Nothing you have written is lost; please \
                 try again."
            ),
            FileOutError::ShareUnavailable => write!(
                f,
                "This browser cannot share this kind of file, so please use the download button \
                 instead. Nothing you have written is lost."
            ),
        }
    }
}

impl std::error::Error for FileOutError {}

fn bytes_as_parts(bytes: &[u8]) -> Array {
    Array::of1(&Uint8Array::from(bytes))
}

/// Save `file` through the browser's downloads.
pub fn download(file: &ExportedFile) -> Result<(), FileOutError> {
    let options = BlobPropertyBag::new();
    options.set_type(file.mime_type);
    let blob = Blob::new_with_u8_array_sequence_and_options(&bytes_as_parts(&file.bytes), &options)
        .map_err(|_| FileOutError::Download)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| FileOutError::Download)?;
    let link: HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|_| FileOutError::Download)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(&file.filename);
    link.set_hidden(true);
    let body = document().body().ok_or(FileOutError::Download)?;
    body.append_child(&link)
        .map_err(|_| FileOutError::Download)?;
    link.click();
    link.remove();
    // Let the download start before the URL is let go; revoking at once can cancel it in some
    // browsers.
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        Duration::from_secs(60),
    );
    Ok(())
}

/// `text` as a file called `filename`.
fn text_file(filename: &str, mime_type: &'static str, text: &str) -> ExportedFile {
    ExportedFile {
        filename: filename.to_string(),
        mime_type,
        bytes: text.as_bytes().to_vec(),
    }
}

/// Save `text` through the browser's downloads as a file called `filename`.
pub fn download_text(
    filename: &str,
    mime_type: &'static str,
    text: &str,
) -> Result<(), FileOutError> {
    download(&text_file(filename, mime_type, text))
}

/// Downloads the file `made` and returns what a status line should say: `saved` (with the
/// file) once the download has started, or what stopped it, whether the file could not be made
/// or the browser would not save it.
pub fn download_saying<E: std::fmt::Display>(
    made: Result<ExportedFile, E>,
    saved: impl FnOnce(&ExportedFile) -> String,
) -> String {
    let file = match made {
        Ok(file) => file,
        Err(problem) => return problem.to_string(),
    };
    match download(&file) {
        Ok(()) => saved(&file),
        Err(problem) => problem.to_string(),
    }
}

/// [`download_saying`] for `text` in a file called `filename`.
pub fn download_text_saying(
    filename: &str,
    mime_type: &'static str,
    text: &str,
    saved: impl Into<String>,
) -> String {
    download_saying(
        Ok::<_, FileOutError>(text_file(filename, mime_type, text)),
        |_| saved.into(),
    )
}

fn as_file(file: &ExportedFile) -> Option<File> {
    let options = FilePropertyBag::new();
    options.set_type(file.mime_type);
    File::new_with_u8_array_sequence_and_options(
        &bytes_as_parts(&file.bytes),
        &file.filename,
        &options,
    )
    .ok()
}

fn navigator_function(name: &str) -> Option<Function> {
    let navigator = window().navigator();
    Reflect::get(&navigator, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

fn share_data(file: &File, title: &str) -> Object {
    let data = Object::new();
    let _ = Reflect::set(&data, &"files".into(), &Array::of1(file));
    let _ = Reflect::set(&data, &"title".into(), &JsValue::from_str(title));
    data
}

fn can_share(file: &File) -> bool {
    let (Some(can_share), Some(_)) = (navigator_function("canShare"), navigator_function("share"))
    else {
        return false;
    };
    let data = share_data(file, "");
    can_share
        .call1(&window().navigator(), &data)
        .ok()
        .and_then(|answer| answer.as_bool())
        .unwrap_or(false)
}

/// Whether this browser offers the share sheet for files (checked with a small text file).
pub fn share_sheet_available() -> bool {
    let probe = ExportedFile {
        filename: "peer-study.txt".to_string(),
        mime_type: "text/plain",
        bytes: b"Peer Study".to_vec(),
    };
    as_file(&probe).is_some_and(|file| can_share(&file))
}

/// How a share ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareOutcome {
    /// The trainee chose somewhere to send it.
    Shared,
    /// The trainee closed the share sheet.
    Cancelled,
}

/// Open the share sheet with `file`. Must be called straight from a tap (the browser asks for
/// a user gesture); the answer comes when the sheet closes.
pub fn share(
    file: &ExportedFile,
    title: &str,
) -> Result<impl std::future::Future<Output = ShareOutcome>, FileOutError> {
    let file = as_file(file).ok_or(FileOutError::ShareUnavailable)?;
    if !can_share(&file) {
        return Err(FileOutError::ShareUnavailable);
    }
    let share = navigator_function("share").ok_or(FileOutError::ShareUnavailable)?;
    let promise: Promise = share
        .call1(&window().navigator(), &share_data(&file, title))
        .map_err(|_| FileOutError::ShareUnavailable)?
        .dyn_into()
        .map_err(|_| FileOutError::ShareUnavailable)?;
    Ok(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => ShareOutcome::Shared,
            // Closing the sheet rejects with AbortError; any other refusal also leaves the file
            // unsent, and the trainee can still download it.
            Err(_) => ShareOutcome::Cancelled,
        }
    })
}
