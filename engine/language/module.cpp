// Language module: Indian budget, property, timeline and callback parsing.
namespace Leadline::Language {}
