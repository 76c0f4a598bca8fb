// SHA-1 and HMAC-SHA1 for SessionKit's cookie signatures: precomputed key schedules, no
// allocation, SHA-NI on x86-64 processors that have it, portable C elsewhere.
//
// Flask signs session cookies with HMAC-SHA1. swift-crypto computes the same MAC but, through its
// copy-on-write digest contexts and generic Swift API, spends most of a cookie's MAC time outside
// the compression function and allocates twice per MAC. This is the compression function and the
// HMAC around it, nothing more; SessionKit checks it against swift-crypto in its tests.
#ifndef SESSIONKIT_SHA1_H
#define SESSIONKIT_SHA1_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The five chaining words of SHA-1.
typedef struct sessionkit_sha1_state {
    uint32_t h[5];
} sessionkit_sha1_state;

/// An HMAC-SHA1 key schedule: the states after the key XOR ipad and key XOR opad blocks.
typedef struct sessionkit_hmac_sha1_key {
    sessionkit_sha1_state inner;
    sessionkit_sha1_state outer;
} sessionkit_hmac_sha1_key;

/// SHA-1 of `length` bytes into `digest` (20 bytes).
void sessionkit_sha1(const uint8_t *data, size_t length, uint8_t digest[20]);

/// Computes the key schedule of `key` (hashed first when longer than 64 bytes, as RFC 2104 says).
void sessionkit_hmac_sha1_init(sessionkit_hmac_sha1_key *schedule, const uint8_t *key, size_t key_length);

/// HMAC-SHA1 of `length` bytes under a precomputed key schedule, into `mac` (20 bytes).
void sessionkit_hmac_sha1(
    const sessionkit_hmac_sha1_key *schedule, const uint8_t *message, size_t length, uint8_t mac[20]);

/// 1 when the SHA-NI compression function is in use, 0 for the portable one.
int sessionkit_sha1_uses_sha_extensions(void);

/// For tests: 0 forces the portable compression function, 1 restores the automatic choice.
void sessionkit_sha1_allow_sha_extensions(int allow);

#ifdef __cplusplus
}
#endif

#endif
