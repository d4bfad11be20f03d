//! Content ids: SHA-256 in hex. A session file names the scenario text,
//! the bundled trap catalogue and the learned scorer it was judged with
//! by these, so a later build can tell whether it judges the same way.

use sha2::Digest;

/// SHA-256 of `bytes`, as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A short id for `bytes`: the first 16 hex digits of its SHA-256, plenty
/// to tell versions of one bundled file apart.
pub fn short_id(bytes: &[u8]) -> String {
    let mut id = sha256_hex(bytes);
    id.truncate(16);
    id
}
