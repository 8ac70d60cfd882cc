//! Handing a file to the trainee: a download through a Blob and a temporary link.

use wasm_bindgen::JsCast;

/// Offer `bytes` as a file called `filename`. Returns a sentence saying what went wrong, if
/// the browser refused.
pub fn download_bytes(filename: &str, mime_type: &str, bytes: &[u8]) -> Result<(), String> {
    let fail =
        |what: &str| format!("The browser wouldn't save the file ({what}). Please try again.");
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| fail("making the file"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("a link"))?;
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("a link"))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    link.set_attribute("hidden", "").ok();
    if let Some(body) = document.body() {
        let _ = body.append_child(&link);
        link.click();
        let _ = body.remove_child(&link);
    }
    // Revoke later, not now: some browsers read the URL after click() returns.
    let revoke = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&revoke);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}
