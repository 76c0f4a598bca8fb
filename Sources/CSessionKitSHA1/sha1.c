// SHA-1 (FIPS 180-4) and HMAC-SHA1 (RFC 2104); see include/sessionkit_sha1.h.
#include "sessionkit_sha1.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define SESSIONKIT_SHA1_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t initial_state[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u};

static inline uint32_t rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

static inline uint32_t load_be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static inline void store_be32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

// MARK: - Portable compression function

static void compress_portable(uint32_t h[5], const uint8_t *data, size_t blocks) {
    uint32_t w[80];
    while (blocks--) {
        for (int t = 0; t < 16; t++) w[t] = load_be32(data + 4 * t);
        for (int t = 16; t < 80; t++) w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        for (int t = 0; t < 80; t++) {
            uint32_t f, k;
            if (t < 20) {
                f = (b & c) | (~b & d);
                k = 0x5A827999u;
            } else if (t < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1u;
            } else if (t < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDCu;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6u;
            }
            uint32_t temp = rotl(a, 5) + f + e + k + w[t];
            e = d;
            d = c;
            c = rotl(b, 30);
            b = a;
            a = temp;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        data += 64;
    }
}

// MARK: - SHA-NI compression function

#ifdef SESSIONKIT_SHA1_X86

// Four rounds: `abcd` advances with the schedule words plus E in `e`, round function `f`.
#define SESSIONKIT_ROUNDS4(f, e) abcd = _mm_sha1rnds4_epu32(abcd, (e), (f))

__attribute__((target("sha,sse4.1,ssse3")))
static void compress_sha_extensions(uint32_t h[5], const uint8_t *data, size_t blocks) {
    // Lanes hold words most significant first: A in lane 3, message word 0 in lane 3.
    const __m128i byte_swap = _mm_set_epi64x(0x0001020304050607LL, 0x08090a0b0c0d0e0fLL);
    __m128i abcd = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)h), 0x1B);
    __m128i e0 = _mm_set_epi32((int)h[4], 0, 0, 0);

    while (blocks--) {
        const __m128i abcd_saved = abcd;
        const __m128i e_saved = e0;
        // The message schedule, four words per entry: w[i] feeds rounds 4i..4i+3.
        __m128i w[20];
        for (int i = 0; i < 4; i++) {
            w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), byte_swap);
        }
        for (int i = 4; i < 20; i++) {
            __m128i x = _mm_sha1msg1_epu32(w[i - 4], w[i - 3]);
            x = _mm_xor_si128(x, w[i - 2]);
            w[i] = _mm_sha1msg2_epu32(x, w[i - 1]);
        }
        // Round group i uses E derived from the A..D state before group i - 1 (sha1nexte).
        __m128i e = _mm_add_epi32(e0, w[0]);
        __m128i before = abcd;
        SESSIONKIT_ROUNDS4(0, e);
#define SESSIONKIT_GROUP(i, f)                          \
    do {                                                \
        __m128i next_e = _mm_sha1nexte_epu32(before, w[i]); \
        before = abcd;                                  \
        SESSIONKIT_ROUNDS4(f, next_e);                  \
    } while (0)
        SESSIONKIT_GROUP(1, 0);
        SESSIONKIT_GROUP(2, 0);
        SESSIONKIT_GROUP(3, 0);
        SESSIONKIT_GROUP(4, 0);
        SESSIONKIT_GROUP(5, 1);
        SESSIONKIT_GROUP(6, 1);
        SESSIONKIT_GROUP(7, 1);
        SESSIONKIT_GROUP(8, 1);
        SESSIONKIT_GROUP(9, 1);
        SESSIONKIT_GROUP(10, 2);
        SESSIONKIT_GROUP(11, 2);
        SESSIONKIT_GROUP(12, 2);
        SESSIONKIT_GROUP(13, 2);
        SESSIONKIT_GROUP(14, 2);
        SESSIONKIT_GROUP(15, 3);
        SESSIONKIT_GROUP(16, 3);
        SESSIONKIT_GROUP(17, 3);
        SESSIONKIT_GROUP(18, 3);
        SESSIONKIT_GROUP(19, 3);
#undef SESSIONKIT_GROUP
        // The new E is rol(A before the last group, 30), added to the saved E.
        e0 = _mm_sha1nexte_epu32(before, e_saved);
        abcd = _mm_add_epi32(abcd, abcd_saved);
        data += 64;
    }
    _mm_storeu_si128((__m128i *)h, _mm_shuffle_epi32(abcd, 0x1B));
    h[4] = (uint32_t)_mm_extract_epi32(e0, 3);
}

#undef SESSIONKIT_ROUNDS4

static int cpu_has_sha_extensions(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    const int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}
#endif

// 0: unknown, 1: portable, 2: SHA extensions. Races only ever store the same value.
static volatile int chosen = 0;
static volatile int allowed = 1;

static int choose(void) {
    int c = chosen;
    if (c == 0) {
#ifdef SESSIONKIT_SHA1_X86
        c = (allowed && cpu_has_sha_extensions()) ? 2 : 1;
#else
        c = 1;
#endif
        chosen = c;
    }
    return c;
}

static void compress(uint32_t h[5], const uint8_t *data, size_t blocks) {
    if (blocks == 0) return;
#ifdef SESSIONKIT_SHA1_X86
    if (choose() == 2) {
        compress_sha_extensions(h, data, blocks);
        return;
    }
#endif
    compress_portable(h, data, blocks);
}

int sessionkit_sha1_uses_sha_extensions(void) { return choose() == 2; }

void sessionkit_sha1_allow_sha_extensions(int allow) {
    allowed = allow ? 1 : 0;
    chosen = 0;
}

// MARK: - Padding and HMAC

/// Hashes `length` bytes on from state `h`, as the tail of a message whose first `prefix` bytes
/// (a multiple of 64) were already compressed into `h`, and writes the digest.
static void finish(uint32_t h[5], const uint8_t *data, size_t length, uint64_t prefix, uint8_t digest[20]) {
    const size_t whole = length / 64;
    compress(h, data, whole);
    data += whole * 64;
    const size_t rest = length - whole * 64;

    uint8_t tail[128];
    memset(tail, 0, sizeof tail);
    if (rest) memcpy(tail, data, rest);
    tail[rest] = 0x80;
    const size_t tail_blocks = rest < 56 ? 1 : 2;
    const uint64_t bits = (prefix + (uint64_t)length) * 8;
    for (int i = 0; i < 8; i++) tail[tail_blocks * 64 - 1 - i] = (uint8_t)(bits >> (8 * i));
    compress(h, tail, tail_blocks);
    for (int i = 0; i < 5; i++) store_be32(digest + 4 * i, h[i]);
}

void sessionkit_sha1(const uint8_t *data, size_t length, uint8_t digest[20]) {
    uint32_t h[5];
    memcpy(h, initial_state, sizeof h);
    finish(h, data, length, 0, digest);
}

void sessionkit_hmac_sha1_init(sessionkit_hmac_sha1_key *schedule, const uint8_t *key, size_t key_length) {
    uint8_t block[64];
    memset(block, 0, sizeof block);
    if (key_length > 64) {
        sessionkit_sha1(key, key_length, block);
    } else if (key_length) {
        memcpy(block, key, key_length);
    }
    uint8_t pad[64];
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x36;
    memcpy(schedule->inner.h, initial_state, sizeof initial_state);
    compress(schedule->inner.h, pad, 1);
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x5c;
    memcpy(schedule->outer.h, initial_state, sizeof initial_state);
    compress(schedule->outer.h, pad, 1);
}

void sessionkit_hmac_sha1(
    const sessionkit_hmac_sha1_key *schedule, const uint8_t *message, size_t length, uint8_t mac[20]) {
    uint32_t h[5];
    uint8_t inner[20];
    memcpy(h, schedule->inner.h, sizeof h);
    finish(h, message, length, 64, inner);
    memcpy(h, schedule->outer.h, sizeof h);
    finish(h, inner, sizeof inner, 64, mac);
}
