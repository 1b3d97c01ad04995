//! Who is at the other end: the connection's address, or — only when the connection
//! comes from a proxy the operator named (`--trusted-proxy`) — the address that proxy
//! says it forwarded for. X-Forwarded-For from anyone else is ignored, so a client
//! cannot choose the address its sign-in attempts count against.

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use axum::http::HeaderMap;

/// An address or a range of them: `10.0.0.0/8`, `fd00::/8`, `192.0.2.7`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpRange {
    base: IpAddr,
    prefix: u8,
}

impl FromStr for IpRange {
    type Err = String;

    fn from_str(text: &str) -> Result<IpRange, String> {
        let (address, prefix) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text, None),
        };
        let base: IpAddr = address
            .trim()
            .parse()
            .map_err(|_| format!("{text:?} is not an IP address or range"))?;
        let bits = if base.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => bits,
            Some(p) => p
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= bits)
                .ok_or_else(|| format!("{text:?}: a prefix is 0 to {bits}"))?,
        };
        Ok(IpRange { base, prefix })
    }
}

impl IpRange {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.base, canonical(ip)) {
            (IpAddr::V4(base), IpAddr::V4(ip)) => {
                masked(u32::from(base).into(), self.prefix, 32)
                    == masked(u32::from(ip).into(), self.prefix, 32)
            }
            (IpAddr::V6(base), IpAddr::V6(ip)) => {
                masked(u128::from(base), self.prefix, 128)
                    == masked(u128::from(ip), self.prefix, 128)
            }
            _ => false,
        }
    }
}

fn masked(value: u128, prefix: u8, bits: u32) -> u128 {
    if prefix == 0 {
        0
    } else {
        value >> (bits - u32::from(prefix))
    }
}

/// An IPv4 address written as IPv6 (`::ffff:192.0.2.7`) is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The client's address: the peer's, unless the peer is a trusted proxy; then the
/// nearest address in X-Forwarded-For that is not itself a trusted proxy (read from
/// the right: the entries to the left of it are the client's to write). A header that
/// cannot be read leaves the peer's address.
pub fn client_ip(peer: SocketAddr, headers: &HeaderMap, trusted: &[IpRange]) -> IpAddr {
    let peer_ip = canonical(peer.ip());
    let is_trusted = |ip: IpAddr| trusted.iter().any(|range| range.contains(ip));
    if !is_trusted(peer_ip) {
        return peer_ip;
    }
    let mut hops = Vec::new();
    for value in headers.get_all("x-forwarded-for") {
        let Ok(text) = value.to_str() else {
            return peer_ip;
        };
        for hop in text.split(',') {
            match hop.trim().parse::<IpAddr>() {
                Ok(ip) => hops.push(canonical(ip)),
                Err(_) => return peer_ip,
            }
        }
    }
    let mut client = peer_ip;
    for hop in hops.into_iter().rev() {
        client = hop;
        if !is_trusted(hop) {
            break;
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(xff: &[&str]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for value in xff {
            map.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        }
        map
    }

    fn peer(ip: &str) -> SocketAddr {
        SocketAddr::new(ip.parse().unwrap(), 40_000)
    }

    #[test]
    fn ranges_parse_and_match_their_addresses_only() {
        let lan: IpRange = "10.0.0.0/8".parse().unwrap();
        assert!(lan.contains("10.200.1.2".parse().unwrap()));
        assert!(lan.contains("::ffff:10.1.2.3".parse().unwrap()));
        assert!(!lan.contains("11.0.0.1".parse().unwrap()));
        let one: IpRange = "2001:db8::1".parse().unwrap();
        assert!(one.contains("2001:db8::1".parse().unwrap()));
        assert!(!one.contains("2001:db8::2".parse().unwrap()));
        let all: IpRange = "0.0.0.0/0".parse().unwrap();
        assert!(all.contains("203.0.113.9".parse().unwrap()));
        for bad in ["10.0.0.0/33", "proxy", "10.0.0.0/x", "::/129"] {
            assert!(bad.parse::<IpRange>().is_err(), "{bad}");
        }
    }

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        let trusted: Vec<IpRange> = vec!["10.0.0.0/8".parse().unwrap()];
        let xff = headers(&["198.51.100.7"]);
        // From the proxy: the address it forwarded for.
        assert_eq!(
            client_ip(peer("10.0.0.2"), &xff, &trusted).to_string(),
            "198.51.100.7"
        );
        // From anyone else: the header is the client's own invention.
        assert_eq!(
            client_ip(peer("203.0.113.5"), &xff, &trusted).to_string(),
            "203.0.113.5"
        );
        // A client that writes its own entry first cannot hide behind it: the nearest
        // untrusted hop is what the proxy saw.
        let spoofed = headers(&["1.2.3.4, 198.51.100.7", "10.0.0.9"]);
        assert_eq!(
            client_ip(peer("10.0.0.2"), &spoofed, &trusted).to_string(),
            "198.51.100.7"
        );
        // Garbage in the header leaves the proxy's own address.
        let garbage = headers(&["not-an-address"]);
        assert_eq!(
            client_ip(peer("10.0.0.2"), &garbage, &trusted).to_string(),
            "10.0.0.2"
        );
        // No trusted proxies: always the peer.
        assert_eq!(
            client_ip(peer("10.0.0.2"), &xff, &[]).to_string(),
            "10.0.0.2"
        );
    }
}
