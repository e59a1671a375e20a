import Testing
import Shades

/// The pattern language, on small lexicons of its own (independent of the built-in rules).
@Suite struct PatternLanguageTests {
    /// An analyzer with one rule per pattern, ids r0, r1, ...
    private func analyzer(_ patterns: [String], extra: String = "", fields: String = "") throws -> Analyzer {
        var source = """
            class me
              words: i me my myself
            class bad
              words: fail* ruin*
              pattern: mess up

            """ + extra
        for (index, pattern) in patterns.enumerated() {
            source += """

                rule r\(index)
                  category: overgeneralization
                  pattern: \(pattern)
                  message: m
                  suggest: s
                  source: test
                  match: x
                \(fields)
                """
        }
        return try Analyzer(lexicons: [Lexicon(source: source, name: "test.shades")])
    }

    private func matches(_ analyzer: Analyzer, _ text: String) -> [String] {
        analyzer.analyze(text).findings.map(\.match)
    }

    @Test func aTypedFormOfSeveralWordsIsMatchedAsThoseWordsAndCountsAsOneWord() throws {
        let shades = try analyzer(
            ["never going to change", "going <to> win"], extra: "spelling run-together\n  words: gonna=going+to\n")
        #expect(matches(shades, "It's never gonna change.") == ["never gonna change"])
        #expect(matches(shades, "It's never going to change.") == ["never going to change"])
        // A focus on a later word of the typed form reports the whole typed word.
        #expect(matches(shades, "We're gonna win.") == ["gonna"])
        #expect(shades.analyze("It's never gonna change.").statistics.words == 4)
    }

    @Test func wordsMatchIgnoringCase() throws {
        let shades = try analyzer(["always"])
        #expect(matches(shades, "ALWAYS. Always. always.") == ["ALWAYS", "Always", "always"])
        #expect(matches(shades, "hallways") == [])
    }

    @Test func wordsOutsideASCIIAndUnicodeSpaces() throws {
        // A no-break space separates items like a space; accented words are whole words.
        let shades = try analyzer(["(déjà\u{00A0}vu | naïve*) !über"])
        #expect(matches(shades, "Déjà vu again.") == ["Déjà vu again"])
        #expect(matches(shades, "So naïvely hopeful.") == ["naïvely hopeful"])
        #expect(matches(shades, "naïve über") == [])
        let failure = try #require(throws: LexiconError.self) { try analyzer(["déjà ) vu"]) }
        #expect(failure.message.contains("unexpected ')' at column 6"), "\(failure)")
    }

    @Test func phrasesAlternativesAndOptionalWords() throws {
        let shades = try analyzer(["(every time | all the time) [again]"])
        #expect(matches(shades, "It happens every time again") == ["every time again"])
        #expect(matches(shades, "It happens all the time.") == ["all the time"])
        #expect(matches(shades, "every day") == [])
    }

    @Test func boundedGapsStopAtClausePunctuation() throws {
        let shades = try analyzer(["@me {0,2} always"])
        #expect(matches(shades, "I always") == ["I always"])
        #expect(matches(shades, "I really truly always") == ["I really truly always"])
        #expect(matches(shades, "I really truly very always") == [])
        #expect(matches(shades, "I think, always") == [])
    }

    @Test func classesAndPrefixWildcards() throws {
        let shades = try analyzer(["@me <@bad>"])
        #expect(matches(shades, "I failed") == ["failed"])
        #expect(matches(shades, "I ruined it") == ["ruined"])
        #expect(matches(shades, "I mess up") == ["mess up"])
        #expect(matches(shades, "I succeed") == [])
    }

    @Test func negatedWordsAndSentenceAnchors() throws {
        let shades = try analyzer(["^ <never> !@me", "<always> !(late | early)"])
        #expect(matches(shades, "Never share passwords.") == ["Never"])
        #expect(matches(shades, "Never I.") == [])
        #expect(matches(shades, "I never share.") == [])
        #expect(matches(shades, "always tired, always late, always early") == ["always"])
        #expect(throws: LexiconError.self) { try analyzer(["!(very late | early)"]) }
        let atEnd = try analyzer(["<full> $"])
        #expect(matches(atEnd, "I am full.") == ["full"])
        #expect(matches(atEnd, "full of doubt") == [])
    }

    /// A pattern whose every match ends the sentence after a word test is only tried in
    /// sentences that end with one of those words; the others keep matching anywhere.
    @Test func patternsThatEndTheSentenceMatchItsLastWord() throws {
        let shades = try analyzer([
            "@me {0,2} <failed> [again | badly] $", "<lost> {0,2} $", "(<gave up> $ | <quit>)", "<flop*> [!] $",
        ])
        #expect(matches(shades, "Why, I failed.") == ["failed"])
        #expect(matches(shades, "I failed badly!") == ["failed"])
        #expect(matches(shades, "I failed the test.") == [])
        #expect(matches(shades, "I failed again and again.") == [])
        #expect(matches(shades, "I lost it all.") == ["lost"])
        #expect(matches(shades, "I lost it all today.") == [])
        #expect(matches(shades, "I gave up. I quit my job.") == ["gave up", "quit"])
        #expect(matches(shades, "I gave up my job.") == [])
        #expect(matches(shades, "It always flops!") == ["flops"])
        #expect(matches(shades, "Flopping, and then I tried again.") == [])
        #expect(matches(shades, "Last: I failed") == ["failed"])
    }

    @Test func aShortLabelAndAColonStartTheSentenceAnew() throws {
        let shades = try analyzer(["^ <always>", "(^ | me) <idiot>"])
        #expect(matches(shades, "Thought: always.") == ["always"])
        #expect(matches(shades, "- Automatic negative thought: \"always\"") == ["always"])
        #expect(matches(shades, "Note to self: idiot!") == ["idiot"])
        #expect(matches(shades, "Then I thought: always.") == ["always"])
        // Four words are not a label; a colon after other punctuation starts nothing.
        #expect(matches(shades, "My first thought ever: always.") == [])
        #expect(matches(shades, "Thought, then: always.") == [])
    }

    @Test func matchesStayInsideOneSentence() throws {
        let shades = try analyzer(["@me {0,3} always"])
        #expect(matches(shades, "I tried. Always.") == [])
    }

    @Test func exceptionsAndFixedExpressionsCancelMatches() throws {
        let shades = try analyzer(
            ["<all>"], extra: "fixed idioms\n  pattern: all right\n",
            fields: "  except: after all")
        #expect(matches(shades, "all of it") == ["all"])
        #expect(matches(shades, "It's all right") == [])
        #expect(matches(shades, "after all") == [])
    }

    @Test func theLongestOverlappingMatchWins() throws {
        let shades = try analyzer(["always", "always late"])
        #expect(shades.analyze("always late").findings.map(\.rule) == ["r1"])
    }

    @Test func rulesThatStandKeepOverlappingFindings() throws {
        let shades = try analyzer(["always", "always late"], fields: "  overlap: stand")
        #expect(Set(shades.analyze("always late").findings.map(\.rule)) == ["r0", "r1"])
    }

    @Test func negationCancelsByDefault() throws {
        let shades = try analyzer(["<always>"], extra: "class negation\n  words: not don't\n")
        #expect(matches(shades, "I always win") == ["always"])
        #expect(matches(shades, "I don't always win") == [])
        #expect(matches(shades, "Not always.") == [])
    }
}

extension PatternLanguageTests {
    @Test func requirementsLookAtTheWholeSentence() throws {
        let shades = try analyzer(["<always>"], extra: "class sad\n  words: sad\n", fields: "  requires: @sad")
        #expect(matches(shades, "I always walk, and it makes me sad.") == ["always"])
        #expect(matches(shades, "I always walk.") == [])
        #expect(matches(shades, "I always walk. I am sad.") == [])
    }

    /// A `requires:` line that several rules share is matched once for all of them.
    @Test func rulesSharingARequirementEachStillNeedIt() throws {
        let shades = try analyzer(["<always>", "<never>"], extra: "class sad\n  words: sad\n", fields: "  requires: @sad")
        #expect(matches(shades, "Always sad, never happy.") == ["Always", "never"])
        #expect(matches(shades, "Always happy, never sad.") == ["Always", "never"])
        #expect(matches(shades, "Always happy. Never sad.") == ["Never"])
        #expect(matches(shades, "Always happy, never glad.") == [])
    }

    /// An `except:` line that several rules share is matched once and cancels each rule's matches.
    @Test func rulesSharingAnExceptionEachKeepIt() throws {
        let shades = try analyzer(["<always>", "<never>"], fields: "  except: (always | never) mind")
        #expect(matches(shades, "Always mind the gap, never mind the rest.") == [])
        #expect(matches(shades, "Always late, never mind.") == ["Always"])
        #expect(matches(shades, "Always late, never early.") == ["Always", "never"])
    }

    /// An `except-after:` pattern cancels a finding only when it comes after the flagged words,
    /// in the same sentence, at any distance.
    @Test func exceptionsAfterLookFurtherOnInTheSentence() throws {
        let shades = try analyzer(["<always> late", "<never>"], fields: "  except-after: not (true | fair)")
        #expect(matches(shades, "I am always late, or so my brother says, which is not true.") == [])
        #expect(matches(shades, "Not true that I am always late.") == ["always"])
        #expect(matches(shades, "I am always late. That is not true.") == ["always"])
        #expect(matches(shades, "He never calls, not fair, and I'm always late.") == ["always"])
    }

    @Test func aDisputeLaterInTheSentenceDropsFindingsOfEveryRuleButSafety() throws {
        let source = """
            class dispute
              pattern: but that's not true

            rule always
              category: overgeneralization
              pattern: always
              message: m
              suggest: s
              source: test
              match: x

            rule useless
              category: labeling
              pattern: useless
              message: m
              suggest: s
              source: test
              match: x

            rule no-way-out
              category: safety
              pattern: no way out
              message: m
              suggest: s
              source: test
              match: x
            """
        let shades = try Analyzer(lexicons: [Lexicon(source: source, name: "test.shades")])
        #expect(matches(shades, "I always fail and I'm useless, but that's not true.") == [])
        #expect(matches(shades, "No way out, but that's not true.") == ["No way out"])
        #expect(matches(shades, "But that's not true: I always fail.") == ["always"])
        #expect(matches(shades, "I always fail. But that's not true.") == ["always"])
    }

    /// Sentences where no rule pattern can match are skipped; that must not lose a match.
    @Test func sentencesWithoutPossibleFindingsAreSkippedSafely() throws {
        // A pattern that needs no particular word can match in any sentence.
        let anyLastWord = try analyzer(["!@me $"])
        #expect(matches(anyLastWord, "Rain fell. I saw me. Then sun.") == ["fell", "sun"])
        // Context and exception words alone do not make a sentence matter, nor reach across.
        let negatable = try analyzer(["<always>"], extra: "class negation\n  words: not\n", fields: "  except: always on call")
        #expect(matches(negatable, "Not today. I always win.") == ["always"])
        #expect(matches(negatable, "Not always. On call. I always lose.") == ["always"])
        #expect(matches(negatable, "I am always on call. Always.") == ["Always"])
    }
}

extension PatternLanguageTests {
    /// A lexicon of a `yield` rule "broad" and a rule "specific" with the given overlap policy.
    private func broadAndSpecific(broad: String, specific: String, category: String, overlap: String) throws -> Analyzer {
        let source = """
            rule broad
              category: overgeneralization
              pattern: \(broad)
              overlap: yield
              message: m
              suggest: s
              source: test
              match: x
            rule specific
              category: \(category)
              pattern: \(specific)
              overlap: \(overlap)
              message: m
              suggest: s
              source: test
              match: x
            """
        return try Analyzer(lexicons: [Lexicon(source: source, name: "test.shades")])
    }

    @Test func yieldingRulesGiveWayToAnyOverlappingFinding() throws {
        let shades = try broadAndSpecific(
            broad: "<everything>", specific: "<ruin everything>", category: "all-or-nothing", overlap: "stand")
        #expect(shades.analyze("I ruin everything").findings.map(\.rule) == ["specific"])
        #expect(shades.analyze("everything hurts").findings.map(\.rule) == ["broad"])
    }

    @Test func aLongerYieldingMatchDoesNotPushOutAnotherRule() throws {
        // Neither rule stands beside others, and the yielding match is the longer one.
        let shades = try broadAndSpecific(
            broad: "(they | he) {0,3} <never>", specific: "he <never> listens", category: "overgeneralization", overlap: "resolve")
        #expect(shades.analyze("they say he never listens").findings.map(\.rule) == ["specific"])
        #expect(shades.analyze("they say he never sings").findings.map(\.rule) == ["broad"])
    }
}

extension PatternLanguageTests {
    @Test func aFocusThatCanBeEmptyIsRefused() {
        #expect(throws: LexiconError.self) { try analyzer(["always <[so]> tired"]) }
        #expect(throws: LexiconError.self) { try analyzer(["always <{0,2}> tired"]) }
    }
}
