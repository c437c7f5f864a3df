// Telephony module (media stream codec/session and Exotel REST client live here).
namespace Leadline::Telephony {}
