namespace Annotate.Shared.Text;

/// <summary>How many words a text has, as the teacher's counts give them: runs of letters and digits.</summary>
public static class WordCounter
{
    public static int Count(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }
}
