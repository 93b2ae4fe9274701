// SHA-256 per FIPS 180-4 section 6.2: pad to 512-bit blocks, run the
// 64-round compression on each, print the eight state words as hex.
#include "render/sha256.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace lr {
namespace {

constexpr std::array<uint32_t, 64> kRoundConstants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::array<uint32_t, 8> kInitialState = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

using State = std::array<uint32_t, 8>;
using Block = std::array<unsigned char, 64>;

uint32_t Rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

uint32_t LoadBigEndian(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

// Message schedule W[0..63] for one block (FIPS 180-4 6.2.2 step 1).
std::array<uint32_t, 64> Schedule(const Block& block) {
  std::array<uint32_t, 64> w{};
  for (size_t t = 0; t < 16; ++t) w[t] = LoadBigEndian(&block[t * 4]);
  for (size_t t = 16; t < 64; ++t) {
    uint32_t s0 = Rotr(w[t - 15], 7) ^ Rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
    uint32_t s1 = Rotr(w[t - 2], 17) ^ Rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  return w;
}

// One compression of `block` into `state` (FIPS 180-4 6.2.2 steps 2-4).
void Compress(const Block& block, State& state) {
  const std::array<uint32_t, 64> w = Schedule(block);
  State v = state;  // a b c d e f g h
  for (size_t t = 0; t < 64; ++t) {
    uint32_t sigma1 = Rotr(v[4], 6) ^ Rotr(v[4], 11) ^ Rotr(v[4], 25);
    uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
    uint32_t t1 = v[7] + sigma1 + ch + kRoundConstants[t] + w[t];
    uint32_t sigma0 = Rotr(v[0], 2) ^ Rotr(v[0], 13) ^ Rotr(v[0], 22);
    uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
    uint32_t t2 = sigma0 + maj;
    v = {t1 + t2, v[0], v[1], v[2], v[3] + t1, v[4], v[5], v[6]};
  }
  for (size_t i = 0; i < 8; ++i) state[i] += v[i];
}

// The final one or two blocks: the tail bytes, 0x80, zeros, 64-bit bit length.
void CompressTail(std::string_view tail, uint64_t total_bytes, State& state) {
  std::array<unsigned char, 128> buf{};
  for (size_t i = 0; i < tail.size(); ++i) buf[i] = static_cast<unsigned char>(tail[i]);
  buf[tail.size()] = 0x80;
  const size_t len = tail.size() + 1 + 8 <= 64 ? 64 : 128;
  const uint64_t bits = total_bytes * 8;
  for (size_t i = 0; i < 8; ++i) {
    buf[len - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  }
  for (size_t off = 0; off < len; off += 64) {
    Block block;
    for (size_t i = 0; i < 64; ++i) block[i] = buf[off + i];
    Compress(block, state);
  }
}

std::string ToHex(const State& state) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (uint32_t word : state) {
    for (int shift = 28; shift >= 0; shift -= 4) out.push_back(kHex[(word >> shift) & 0xf]);
  }
  return out;
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  State state = kInitialState;
  size_t off = 0;
  for (; data.size() - off >= 64; off += 64) {
    Block block;
    for (size_t i = 0; i < 64; ++i) block[i] = static_cast<unsigned char>(data[off + i]);
    Compress(block, state);
  }
  CompressTail(data.substr(off), data.size(), state);
  return ToHex(state);
}

}  // namespace lr
