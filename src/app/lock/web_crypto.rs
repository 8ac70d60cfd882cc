//! The lock's key derivations through the browser's own Web Crypto: PBKDF2-HMAC-SHA256 for the
//! passcode (600,000 iterations run natively in the browser, several times faster than the same
//! in wasm, and no hashing code of ours in the download) and HKDF-SHA256 for the recovery key.
//!
//! Both give raw bits that become a [`WrappingKey`]; the storage layer does the rest.

use js_sys::{Array, Object, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, HkdfParams, Pbkdf2Params, SubtleCrypto};

use crate::storage::crypto::aead::WrappingKey;
use crate::storage::crypto::keyring::{PasscodeKdf, RECOVERY_HKDF_INFO};
use crate::storage::crypto::recovery_key::RecoveryKey;

/// Web Crypto was missing or refused a derivation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebCryptoError(pub String);

impl std::fmt::Display for WebCryptoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "This browser couldn't do the lock's calculations ({}). Please try again, or use \
             an up-to-date browser.",
            self.0
        )
    }
}

fn subtle() -> Result<SubtleCrypto, WebCryptoError> {
    let crypto = web_sys::window()
        .ok_or_else(|| WebCryptoError("no window".into()))?
        .crypto()
        .map_err(|_| WebCryptoError("no Web Crypto".into()))?;
    Ok(crypto.subtle())
}

fn failed(what: &str) -> impl Fn(JsValue) -> WebCryptoError + '_ {
    move |e| {
        let name = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.name()))
            .unwrap_or_default();
        WebCryptoError(format!("{what}: {name}"))
    }
}

async fn import_raw(bytes: &[u8], algorithm: &str) -> Result<CryptoKey, WebCryptoError> {
    let usages = Array::of1(&JsValue::from_str("deriveBits"));
    let data = Uint8Array::from(bytes);
    let promise = subtle()?
        .import_key_with_str("raw", &data, algorithm, false, &usages)
        .map_err(failed("importing the key"))?;
    let key = JsFuture::from(promise)
        .await
        .map_err(failed("importing the key"))?;
    Ok(key.unchecked_into())
}

async fn derive_256(params: &Object, key: &CryptoKey) -> Result<[u8; 32], WebCryptoError> {
    let promise = subtle()?
        .derive_bits_with_object(params, key, 256)
        .map_err(failed("deriving"))?;
    let bits = JsFuture::from(promise).await.map_err(failed("deriving"))?;
    let bytes = Uint8Array::new(&bits).to_vec();
    bytes
        .try_into()
        .map_err(|_| WebCryptoError("the derivation gave the wrong length".into()))
}

/// PBKDF2-HMAC-SHA256, 32 bytes.
pub async fn pbkdf2_sha256(
    password: &[u8],
    salt: &[u8],
    iterations: u32,
) -> Result<[u8; 32], WebCryptoError> {
    let key = import_raw(password, "PBKDF2").await?;
    let params = Pbkdf2Params::new(
        "PBKDF2",
        &JsValue::from_str("SHA-256"),
        iterations,
        &Uint8Array::from(salt),
    );
    derive_256(&params, &key).await
}

/// HKDF-SHA256, 32 bytes.
pub async fn hkdf_sha256(ikm: &[u8], salt: &[u8], info: &[u8]) -> Result<[u8; 32], WebCryptoError> {
    let key = import_raw(ikm, "HKDF").await?;
    let params = HkdfParams::new(
        "HKDF",
        &JsValue::from_str("SHA-256"),
        &Uint8Array::from(info),
        &Uint8Array::from(salt),
    );
    derive_256(&params, &key).await
}

/// The passcode's wrapping key, with the keyring's parameters.
pub async fn passcode_key(
    passcode: &str,
    kdf: &PasscodeKdf,
) -> Result<WrappingKey, WebCryptoError> {
    let bytes = zeroize::Zeroizing::new(
        pbkdf2_sha256(passcode.as_bytes(), &kdf.salt, kdf.iterations).await?,
    );
    Ok(WrappingKey::from_bytes(*bytes))
}

/// The recovery key's wrapping key, with the keyring's salt.
pub async fn recovery_wrapping_key(
    key: &RecoveryKey,
    salt: &[u8; 16],
) -> Result<WrappingKey, WebCryptoError> {
    let bytes = zeroize::Zeroizing::new(hkdf_sha256(key.bytes(), salt, RECOVERY_HKDF_INFO).await?);
    Ok(WrappingKey::from_bytes(*bytes))
}
