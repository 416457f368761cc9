namespace ShareKit.Security.Encrypted.Pairing;

/// <summary>256 short, distinct, easy-to-say words for pairing codes (8 bits each).</summary>
internal static class PairingWords
{
    public static IReadOnlyList<string> All { get; } =
    [
        "acid", "acorn", "actor", "adobe", "aglow", "alarm", "album", "alert", "alpha", "amber", "ample", "angle",
        "ankle", "apple", "april", "apron", "arena", "argue", "armor", "aroma", "arrow", "atlas", "attic", "audio",
        "autumn", "avoid", "awake", "bacon", "badge", "bagel", "baker", "balmy", "bamboo", "banjo", "barn", "basil",
        "basin", "batch", "beach", "beard", "bench", "berry", "bison", "blade", "blank", "blaze", "blend", "bliss",
        "bloom", "blues", "board", "bonus", "boost", "booth", "brave", "bread", "brick", "bride", "brook", "brush",
        "buddy", "bugle", "bunny", "cabin", "cable", "cacao", "camel", "candy", "canoe", "canvas", "cargo", "carol",
        "cedar", "chalk", "charm", "chess", "chili", "chord", "cider", "cinema", "civic", "clamp", "clay", "cliff",
        "clock", "cloud", "clover", "coast", "cobra", "cocoa", "comet", "coral", "couch", "crane", "crisp", "crown",
        "curry", "daisy", "dance", "delta", "denim", "depot", "diary", "dingo", "disco", "diver", "dodge", "dolphin",
        "donut", "dough", "dragon", "drift", "drum", "eagle", "ember", "emerald", "empty", "equal", "evening",
        "fable", "fairy", "falcon", "fancy", "feast", "fern", "ferry", "fiber", "fiddle", "field", "flame", "flint",
        "flute", "focus", "forest", "fossil", "frost", "fudge", "galaxy", "garden", "gecko", "giant", "ginger",
        "glade", "globe", "glove", "grape", "gravy", "guitar", "habit", "harbor", "hazel", "heron", "honey", "hotel",
        "humor", "igloo", "index", "ivory", "jacket", "jelly", "jewel", "jolly", "judge", "juice", "kayak", "kettle",
        "kiwi", "koala", "ladder", "lagoon", "lemon", "level", "lilac", "lily", "linen", "llama", "lobby", "lotus",
        "lunar", "magic", "mango", "maple", "marble", "meadow", "melon", "metro", "mimic", "mint", "mocha", "model",
        "moose", "motor", "mural", "music", "nectar", "noble", "noodle", "north", "oasis", "ocean", "olive", "omega",
        "onion", "opera", "orbit", "otter", "oxygen", "paddle", "panda", "paper", "parade", "pasta", "pearl", "pecan",
        "pepper", "piano", "pilot", "pixel", "plaza", "plum", "polar", "poppy", "prism", "pulse", "quartz", "quest",
        "quiet", "radar", "radio", "raven", "relay", "ribbon", "ridge", "river", "robin", "rocket", "rodeo", "salad",
        "salmon", "satin", "scarf", "shell", "silver", "sketch", "slope", "solar", "sonic", "spice", "spruce",
        "squid", "stamp", "storm", "sugar", "summit", "sunny", "swift",
    ];
}
