//! Sealing one stored value with the data key, and opening it again.
//!
//! A record's envelope `{"rev": 3, "saved_at": 1764..., "data": {...}}` is stored sealed as
//!
//! ```json
//! {"rev": 3, "saved_at": 1764..., "sealed": {"v": 1, "schema": 2, "nonce": "<b64>", "ct": "<b64>"}}
//! ```
//!
//! - `ct` is the whole envelope's text, encrypted with AES-256-GCM under a fresh random 96-bit
//!   nonce for every write.
//! - The revision and save time stay readable, so the logic between tabs still works on what is
//!   stored; the associated data binds them, with the storage key and the schema version, so a
//!   ciphertext can't be moved to another record, relabelled with another revision or schema, or
//!   have its readable fields edited, without failing to open.
//! - Values that are not envelopes (set-aside copies, damaged text) are sealed whole, with no
//!   readable fields: `{"sealed": {...}}`.
//!
//! Opening gives back exactly the text that was sealed, byte for byte.

use std::error::Error;
use std::fmt;

use serde::Deserialize;
use serde_json::{json, Value};

use super::aead::DataKey;
use super::b64;
use super::random::RandomError;

/// The field that marks a sealed value.
pub const SEALED_FIELD: &str = "sealed";
/// The sealed format this build writes and reads.
pub const SEALED_VERSION: u64 = 1;

/// Why a sealed value could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// The value is not sealed at all (plain text from before the lock was on).
    NotSealed,
    /// It looks sealed but its fields are damaged.
    Damaged(&'static str),
    /// A newer version of Peer Study sealed it in a way this one doesn't know.
    NewerFormat(u64),
    /// The key, the ciphertext or a field bound to it is not what sealed it: tampered with,
    /// cut short, moved from another record, or sealed under another lock's key.
    WontOpen,
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::NotSealed => write!(f, "the saved text is not locked"),
            OpenError::Damaged(what) => write!(f, "the locked text is damaged ({what})"),
            OpenError::NewerFormat(v) => write!(
                f,
                "the saved text was locked by a newer version of Peer Study (format {v})"
            ),
            OpenError::WontOpen => write!(
                f,
                "the locked text doesn't open with this device's key: it has been changed, cut \
                 short or moved since it was saved"
            ),
        }
    }
}

impl Error for OpenError {}

/// The readable fields of an envelope, read without building the whole data value.
#[derive(Deserialize)]
struct Head {
    rev: u64,
    saved_at: i64,
}

/// The associated data: everything about a value that is readable or implied by where it is.
fn aad(key: &str, head: Option<(u64, i64)>, schema: u64) -> Vec<u8> {
    let (rev, saved_at) = match head {
        Some((rev, saved_at)) => (json!(rev), json!(saved_at)),
        None => (Value::Null, Value::Null),
    };
    json!([
        "peer-study/sealed",
        SEALED_VERSION,
        key,
        rev,
        saved_at,
        schema
    ])
    .to_string()
    .into_bytes()
}

/// Seals `plaintext`, stored under `key`, for data in schema version `schema`.
pub fn seal(
    key: &str,
    plaintext: &str,
    schema: u32,
    data_key: &DataKey,
) -> Result<String, RandomError> {
    let head = serde_json::from_str::<Head>(plaintext)
        .ok()
        .map(|h| (h.rev, h.saved_at));
    let schema = u64::from(schema);
    let (nonce, ct) = data_key.seal(plaintext.as_bytes(), &aad(key, head, schema))?;
    let sealed = json!({
        "v": SEALED_VERSION,
        "schema": schema,
        "nonce": b64::encode(&nonce),
        "ct": b64::encode(&ct),
    });
    Ok(match head {
        Some((rev, saved_at)) => json!({"rev": rev, "saved_at": saved_at, SEALED_FIELD: sealed}),
        None => json!({ SEALED_FIELD: sealed }),
    }
    .to_string())
}

/// Whether stored text is a sealed value (it may still fail to open).
pub fn is_sealed(raw: &str) -> bool {
    // Sealed text is an object naming "sealed" and not "data", so plain records need no parsing
    // here. A plain record's first key is "data" (keys are stored in order), which answers at
    // once instead of searching a megabyte of version history for the word.
    if !raw.starts_with('{') || raw.starts_with("{\"data\":") || !raw.contains("\"sealed\"") {
        return false;
    }
    matches!(serde_json::from_str::<Value>(raw), Ok(Value::Object(map)) if map.contains_key(SEALED_FIELD) && !map.contains_key("data"))
}

/// Opens a sealed value stored under `key`, giving back exactly the text that was sealed.
pub fn open(key: &str, raw: &str, data_key: &DataKey) -> Result<String, OpenError> {
    let Ok(Value::Object(outer)) = serde_json::from_str::<Value>(raw) else {
        return Err(OpenError::NotSealed);
    };
    let Some(sealed) = outer.get(SEALED_FIELD) else {
        return Err(OpenError::NotSealed);
    };
    if outer.contains_key("data") {
        return Err(OpenError::NotSealed);
    }
    let version = sealed["v"]
        .as_u64()
        .ok_or(OpenError::Damaged("no version"))?;
    if version != SEALED_VERSION {
        return Err(OpenError::NewerFormat(version));
    }
    let schema = sealed["schema"]
        .as_u64()
        .ok_or(OpenError::Damaged("no schema version"))?;
    let nonce = sealed["nonce"]
        .as_str()
        .and_then(b64::decode_array)
        .ok_or(OpenError::Damaged("no nonce"))?;
    let ct = sealed["ct"]
        .as_str()
        .and_then(b64::decode)
        .ok_or(OpenError::Damaged("no ciphertext"))?;
    let head = match (outer.get("rev"), outer.get("saved_at")) {
        (None, None) => None,
        (Some(rev), Some(saved_at)) => Some((
            rev.as_u64().ok_or(OpenError::Damaged("revision"))?,
            saved_at.as_i64().ok_or(OpenError::Damaged("save time"))?,
        )),
        _ => return Err(OpenError::Damaged("half an envelope")),
    };
    let plain = data_key
        .open(&nonce, &ct, &aad(key, head, schema))
        .ok_or(OpenError::WontOpen)?;
    String::from_utf8(plain).map_err(|_| OpenError::Damaged("not text"))
}
