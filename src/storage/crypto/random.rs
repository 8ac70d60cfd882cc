//! Random bytes for keys, salts and nonces, from the platform's cryptographic generator.
//!
//! In the browser that is Web Crypto's `crypto.getRandomValues`; natively (tests and tools) the
//! operating system's generator through the `getrandom` crate. Nothing here is hand-made: a
//! failure is reported, never papered over with a weaker source.

use std::error::Error;
use std::fmt;

/// The platform would not give us random bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RandomError {
    /// What the platform said, for the developer console.
    pub detail: String,
}

impl fmt::Display for RandomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "this browser could not make the random numbers the lock needs ({})",
            self.detail
        )
    }
}

impl Error for RandomError {}

/// Fills `buf` with cryptographically secure random bytes.
#[cfg(target_arch = "wasm32")]
pub fn fill(buf: &mut [u8]) -> Result<(), RandomError> {
    let crypto = web_sys::window()
        .ok_or_else(|| RandomError {
            detail: "no window".into(),
        })?
        .crypto()
        .map_err(|e| RandomError {
            detail: format!("{e:?}"),
        })?;
    // getRandomValues fills at most 65,536 bytes per call.
    for chunk in buf.chunks_mut(65_536) {
        crypto
            .get_random_values_with_u8_array(chunk)
            .map_err(|e| RandomError {
                detail: format!("{e:?}"),
            })?;
    }
    Ok(())
}

/// Fills `buf` with cryptographically secure random bytes.
#[cfg(not(target_arch = "wasm32"))]
pub fn fill(buf: &mut [u8]) -> Result<(), RandomError> {
    getrandom::fill(buf).map_err(|e| RandomError {
        detail: e.to_string(),
    })
}

/// `N` fresh random bytes.
pub fn bytes<const N: usize>() -> Result<[u8; N], RandomError> {
    let mut out = [0u8; N];
    fill(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_draws_differ() {
        // 2^-128 chance of a false failure.
        assert_ne!(bytes::<16>().unwrap(), bytes::<16>().unwrap());
    }
}
