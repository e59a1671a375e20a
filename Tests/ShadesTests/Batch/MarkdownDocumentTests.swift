import Testing
@testable import ShadesCLI

@Suite struct MarkdownDocumentTests {
    @Test func frontMatterGivesDateTitleAndTags() throws {
        let document = try MarkdownDocument("""
            ---
            title: "A hard day"
            date: 2024-03-11T21:40:00+01:00
            tags: [work, "sleep"]
            mood: low # a comment
            ---
            I always say the wrong thing.
            """)
        #expect(document.frontMatter.string("title") == "A hard day")
        #expect(document.frontMatter.string("date") == "2024-03-11T21:40:00+01:00")
        #expect(document.frontMatter.list("tags") == ["work", "sleep"])
        #expect(document.frontMatter.string("mood") == "low")
        #expect(document.body == "I always say the wrong thing.")
    }

    @Test(arguments: ["tags:\n  - work\n  - sleep", "tags:\n- work\n- sleep", "tags: work, sleep"])
    func tagListsInEveryYAMLForm(tags: String) throws {
        let document = try MarkdownDocument("---\n\(tags)\n---\ntext")
        #expect(document.frontMatter.list("tags") == ["work", "sleep"])
    }

    @Test func codeBlocksAndInlineCodeAreNotAnalysed() throws {
        let document = try MarkdownDocument("""
            Before.
            ```sh
            always run the tests
            ```
            Use `never` here.
            ~~~~
            nothing at all
            ~~~~
            After.
            """)
        #expect(document.body == "Before.\n\nUse  here.\n\nAfter.")
    }

    @Test func anUnclosedFenceRunsToTheEnd() throws {
        #expect(try MarkdownDocument("Text.\n```\nalways\n").body == "Text.")
    }

    @Test func anUnclosedFrontMatterIsAnError() {
        let error = #expect(throws: MarkdownDocument.ParseError.self) { try MarkdownDocument("---\ntitle: x\nI never finish.") }
        #expect(error?.location == "line 1")
    }

    @Test func aRuleLaterInTheFileIsNotFrontMatter() throws {
        let document = try MarkdownDocument("Intro.\n\n---\n\nMore.")
        #expect(document.frontMatter.string("title") == nil)
        #expect(document.body == "Intro.\n\n---\n\nMore.")
    }
}
